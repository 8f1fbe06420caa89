// Nunjucks' runtime-only build: the same API as the full package, for precompiled templates only.
declare module 'nunjucks/browser/nunjucks-slim.js' {
  import nunjucks from 'nunjucks';
  export = nunjucks;
}
