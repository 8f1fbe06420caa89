/**
 * The one-off message of a request ("You have signed out."): read from its own sealed cookie, shown by
 * the first page rendered, or carried on to the next request when this one redirects.
 */
import { clearCookie, hostCookie } from './http.ts';
import { FLASH_COOKIE, type Flash, readFlash, sealFlash } from './session.ts';

export interface FlashCarrier {
  /** The message to show now; it is then gone. */
  take(): Flash | undefined;
  set(flash: Flash | undefined): void;
  /** The Set-Cookie value to send: the message still to show, or clearing the one that was shown. */
  cookie(): string | undefined;
}

export const flashCarrier = (secret: string, cookie: string | undefined): FlashCarrier => {
  const arrived = readFlash(secret, cookie);
  let pending = arrived;
  return {
    take() {
      const shown = pending;
      pending = undefined;
      return shown;
    },
    set(flash) {
      pending = flash;
    },
    cookie() {
      if (pending) return hostCookie(FLASH_COOKIE, sealFlash(secret, pending));
      return arrived ? clearCookie(FLASH_COOKIE) : undefined;
    },
  };
};
