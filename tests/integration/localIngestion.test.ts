// The local ingestion endpoint the telemetry tests post to, reached the way the Azure Monitor
// exporter reaches Application Insights: through the Azure SDK's HTTP pipeline, gzip-compressed
// JSON envelopes, an Entra bearer token for the monitor.azure.com audience, and a TLS trust
// given to that one client (no certificate check turned off).
import { gzipSync } from 'node:zlib';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import {
  bearerTokenAuthenticationPolicy,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  createDefaultHttpClient,
} from '@azure/core-rest-pipeline';
import {
  startLocalIngestion,
  TEST_INSTRUMENTATION_KEY,
  type LocalIngestion,
} from '../support/localIngestion';

/** A credential as ManagedIdentityCredential behaves, recording the scopes it was asked for. */
class RecordingCredential implements TokenCredential {
  readonly scopes: string[][] = [];
  async getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
    this.scopes.push([scopes].flat());
    return { token: 'entra-token-for-ingestion', expiresOnTimestamp: Date.now() + 3_600_000 };
  }
}

let ingestion: LocalIngestion;
beforeAll(async () => (ingestion = await startLocalIngestion()));
afterAll(() => ingestion.close());

const message = (text: string, operationId: string) => ({
  name: 'Microsoft.ApplicationInsights.Message',
  time: '2027-03-01T09:00:00.000Z',
  iKey: TEST_INSTRUMENTATION_KEY,
  tags: { 'ai.operation.id': operationId },
  data: {
    baseType: 'MessageData',
    baseData: { version: 2, message: text, properties: { job: 'milestones' } },
  },
});

describe('the local ingestion endpoint', () => {
  it('records the envelopes of an Entra-authenticated, gzip-compressed track request', async () => {
    const credential = new RecordingCredential();
    const pipeline = createPipelineFromOptions({ tlsOptions: { ca: ingestion.ca } });
    pipeline.addPolicy(
      bearerTokenAuthenticationPolicy({ credential, scopes: 'https://monitor.azure.com//.default' }),
    );
    const envelopes = [message('milestone job ran', 'op-1'), message('kudos given', 'op-2')];
    const response = await pipeline.sendRequest(
      createDefaultHttpClient(),
      createPipelineRequest({
        url: `${ingestion.endpoint}/v2.1/track`,
        method: 'POST',
        headers: createHttpHeaders({ 'content-type': 'application/json', 'content-encoding': 'gzip' }),
        body: gzipSync(JSON.stringify(envelopes)),
      }),
    );

    expect(response.status).toBe(200);
    expect(JSON.parse(response.bodyAsText ?? '{}')).toMatchObject({ itemsReceived: 2, itemsAccepted: 2 });
    expect(credential.scopes).toEqual([['https://monitor.azure.com//.default']]);
    expect(ingestion.authorizations()).toEqual(['Bearer entra-token-for-ingestion']);
    expect(
      ingestion.ofType('MessageData').map((e) => [e.data?.baseData?.message, e.tags?.['ai.operation.id']]),
    ).toEqual([
      ['milestone job ran', 'op-1'],
      ['kudos given', 'op-2'],
    ]);
    expect(ingestion.connectionString).toBe(
      `InstrumentationKey=${TEST_INSTRUMENTATION_KEY};IngestionEndpoint=${ingestion.endpoint}/`,
    );
  });

  it('is refused by a client that was not given its certificate', async () => {
    const pipeline = createPipelineFromOptions({ retryOptions: { maxRetries: 0 } });
    await expect(
      pipeline.sendRequest(
        createDefaultHttpClient(),
        createPipelineRequest({ url: `${ingestion.endpoint}/v2.1/track`, method: 'POST', body: '[]' }),
      ),
    ).rejects.toThrow(/self[- ]signed certificate/);
  });
});
