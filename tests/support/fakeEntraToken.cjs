// Preloaded (`node --require tests/support/fakeEntraToken.cjs`) into a process whose bot signs in
// with a client secret: answers Microsoft Entra ID's token endpoint as msal-node asks it, through
// the global fetch, so that the client credentials flow runs without a network.
//
// - POST https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token answers the token
//   FAKE_ENTRA_TOKEN names, and appends the request to the file FAKE_ENTRA_LOG names, one JSON line:
//   `{ tenant, client_id, client_secret, scope, grant_type }`;
// - any other URL of login.microsoftonline.com answers 404; every other host goes to the real fetch.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script, run by node */
/* global URL, URLSearchParams, Response */
const fs = require('node:fs');

const realFetch = globalThis.fetch;
const json = (status, body) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

globalThis.fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
  if (url.host !== 'login.microsoftonline.com') return realFetch(input, init);
  const [, tenant, ...rest] = url.pathname.split('/');
  if ((init?.method ?? 'GET') !== 'POST' || rest.join('/') !== 'oauth2/v2.0/token') {
    return json(404, { error: 'not_found', error_description: `the fake has no ${url.pathname}` });
  }
  const form = new URLSearchParams(String(init?.body ?? ''));
  const fields = ['client_id', 'client_secret', 'scope', 'grant_type'];
  const logged = { tenant, ...Object.fromEntries(fields.map((field) => [field, form.get(field)])) };
  fs.appendFileSync(process.env.FAKE_ENTRA_LOG, `${JSON.stringify(logged)}\n`);
  return json(200, {
    token_type: 'Bearer',
    expires_in: 3599,
    ext_expires_in: 3599,
    access_token: process.env.FAKE_ENTRA_TOKEN,
  });
};
