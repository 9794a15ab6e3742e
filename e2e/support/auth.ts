import type { BrowserContext } from 'playwright-core';
import { TEST_PASSWORD } from '../../src/server/testing/test-app.js';

/**
 * Signs a browser context in through the API (`POST /api/auth/login`): the context keeps the
 * session and CSRF cookies, so its pages open signed in. Throws when the login is refused.
 */
export async function signIn(
  context: BrowserContext,
  username = 'admin',
  password = TEST_PASSWORD,
): Promise<void> {
  const response = await context.request.post('/api/auth/login', { data: { username, password } });
  if (response.status() !== 200)
    throw new Error(`sign-in of ${username} failed: ${response.status()} ${await response.text()}`);
}
