// A real OpenID Connect provider (node's oidc-provider, pinned in tests/console-npm) for the console's SSO tests.
// Arguments: the node_modules folder holding oidc-provider, the console's redirect URI, its client id and secret.
// Listens on 127.0.0.1 (port chosen by the OS) with the issuer http://localhost:PORT: another site than the
// registry's http://127.0.0.1:PORT, so SameSite rules apply as they would with a real provider. Prints "ISSUER <url>".
// Any login is accepted by the provider's development login page; the account id decides the claims below.
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [modules, redirectUri, clientId, clientSecret] = process.argv.slice(2);
const { default: Provider } = await import(pathToFileURL(join(modules, 'oidc-provider', 'lib', 'index.js')).href);

const roles = {
  alice: ['schema-admin'],
  bob: ['Schema-Admin', 'reader'],
  rita: ['reader'],
  nora: ['marketing'],
};

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://localhost:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  scopes: ['openid', 'profile', 'roles'],
  claims: { openid: ['sub'], profile: ['preferred_username'], roles: ['roles'] },
  findAccount: (_, id) => ({
    accountId: id,
    claims: () => ({ sub: id, preferred_username: `${id}@example.test`, roles: roles[id] ?? [] }),
  }),
  pkce: { required: () => true },
  cookies: { keys: ['schemareg-console-tests'] },
  features: { devInteractions: { enabled: true } },
});
server.on('request', provider.callback());
console.log(`ISSUER ${issuer}`);
