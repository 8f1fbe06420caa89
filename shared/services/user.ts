import type { Actor } from '../domain/roles.ts';

/** The signed-in person, taken from the verified token, never from a request body. */
export interface User extends Actor {
  name: string;
}
