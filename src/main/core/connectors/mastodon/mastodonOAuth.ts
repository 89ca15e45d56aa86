// Signing in to a Mastodon instance with OAuth 2.0, the way desktop clients do without a local
// web server: the app is registered on the instance (POST /api/v1/apps) with the out-of-band
// redirect, the agent authorizes it in the browser, the instance shows a code, and the code is
// exchanged (POST /oauth/token) for an access token. PKCE (S256) binds the code to this sign-in:
// Mastodon 4.3+ checks it; older instances ignore the extra parameters.
// docs.joinmastodon.org: methods/apps, methods/oauth, client/authorized.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { createHttpClient, type HttpClient } from '../http';
import { mastodonReset } from './mastodonApi';

/** The out-of-band redirect: the instance shows the code instead of redirecting to it. */
export const OOB_REDIRECT_URI = 'urn:ietf:wg:oauth:2.0:oob';
/** What the connector needs: notifications, statuses and search (read), replies (write). */
export const OAUTH_SCOPES = 'read write';
export const CLIENT_NAME = 'Shiftdesk';

/** A client registration: one per sign-in, kept in memory only for as long as the sign-in. */
export interface MastodonClient {
  clientId: string;
  clientSecret: string;
}

export interface Pkce {
  /** Stays in the core: sent only to the token endpoint. */
  verifier: string;
  /** Goes into the authorize URL. */
  challenge: string;
}

/** RFC 7636: 32 random bytes as base64url (43 characters), challenge = BASE64URL(SHA256(verifier)). */
export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: pkceChallenge(verifier) };
}

export const pkceChallenge = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

const application = z.looseObject({ client_id: z.string().min(1), client_secret: z.string().min(1) });
const token = z.looseObject({ access_token: z.string().min(1), token_type: z.string().optional(), scope: z.string().optional() });

export interface MastodonOAuth {
  readonly instanceUrl: string;
  readonly host: string;
  register(): Promise<MastodonClient>;
  authorizeUrl(client: MastodonClient, pkce: Pkce): string;
  /** The access token for a code the instance showed the agent. */
  exchange(client: MastodonClient, code: string, verifier: string): Promise<string>;
  /** Revokes a token this client obtained (RFC 7009; Mastodon answers {} even when it was gone). */
  revoke(client: MastodonClient, accessToken: string): Promise<void>;
}

/** instanceUrl: an origin as normalizeInstanceUrl returns it. */
export function createMastodonOAuth(instanceUrl: string, fetchImpl: typeof fetch = fetch): MastodonOAuth {
  const host = new URL(instanceUrl).host;
  const request: HttpClient = createHttpClient({ label: `Mastodon (${host})`, resetAt: mastodonReset, fetch: fetchImpl });
  return {
    instanceUrl,
    host,
    async register() {
      const { data } = await request(
        { method: 'POST', url: `${instanceUrl}/api/v1/apps`, json: { client_name: CLIENT_NAME, redirect_uris: OOB_REDIRECT_URI, scopes: OAUTH_SCOPES } },
        application,
      );
      return { clientId: data.client_id, clientSecret: data.client_secret };
    },
    authorizeUrl(client, pkce) {
      const url = new URL(`${instanceUrl}/oauth/authorize`);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: client.clientId,
        redirect_uri: OOB_REDIRECT_URI,
        scope: OAUTH_SCOPES,
        code_challenge: pkce.challenge,
        code_challenge_method: 'S256',
      }).toString();
      return url.toString();
    },
    async exchange(client, code, verifier) {
      const { data } = await request(
        {
          method: 'POST',
          url: `${instanceUrl}/oauth/token`,
          form: {
            grant_type: 'authorization_code',
            code,
            client_id: client.clientId,
            client_secret: client.clientSecret,
            redirect_uri: OOB_REDIRECT_URI,
            code_verifier: verifier,
            scope: OAUTH_SCOPES,
          },
        },
        token,
      );
      return data.access_token;
    },
    async revoke(client, accessToken) {
      await request(
        { method: 'POST', url: `${instanceUrl}/oauth/revoke`, form: { client_id: client.clientId, client_secret: client.clientSecret, token: accessToken } },
        z.unknown(),
      );
    },
  };
}
