/**
 * `returnTo` values a sign-in must never follow off this site: the ways browsers read a URL that a
 * pattern does not (TAB, CR and LF dropped, `\` read as `/`, dot segments resolved), other schemes,
 * other origins, characters no header can hold, and values longer than any link of ours. Shared by the
 * tests of every sign-in path (the demo form and Cognito's callback).
 */
export const HOSTILE_RETURN_PATHS: readonly string[] = [
  '/\t/evil.example/phish',
  '/\n/evil.example/phish',
  '/\r/evil.example/phish',
  '\t//evil.example/phish',
  '/\\evil.example/phish',
  '\\\\evil.example',
  '/%09/evil.example',
  '/%5c/evil.example',
  '/%5C%5Cevil.example',
  '/\x0b/evil.example',
  '/\u3000/evil.example',
  '/\u3000',
  '/\x0b',
  '/%2f/evil.example',
  '/%2F%2Fevil.example',
  '//evil.example',
  '//evil.example/phish',
  '///evil.example',
  '/..//evil.example',
  '/.//evil.example',
  '/%2e%2e//evil.example',
  'https://evil.example',
  'https://evil.example/phish',
  'https:evil.example',
  'http:\\\\evil.example',
  'http://127.0.0.1:1/',
  'http://localhost:3001/queue',
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '/queue\r\nSet-Cookie: a=b',
  '/\u0000',
  `/${'a'.repeat(600)}`,
  `//${'evil.example/'.repeat(1000)}`,
];

/** Where the browser would really go with `location`, as seen from `origin`. */
export const landsOn = (location: string, origin: string): string => new URL(location, origin).origin;
