import { HarnessError } from './errors.ts';
import type { Credentials } from './sign.ts';

/** Where a request's credentials come from; resolved lazily, once, and never printed. */
export interface CredentialSource {
  /** A label safe to print: `static` or `aws-default-chain`. */
  readonly origin: 'static' | 'aws-default-chain';
  resolve(): Promise<Credentials>;
}

export function staticCredentials(credentials: Credentials): CredentialSource {
  return { origin: 'static', resolve: async () => credentials };
}

/** The AWS SDK's default chain: environment, SSO, shared files, process, web identity, ECS/IMDS. */
export function defaultChainCredentials(): CredentialSource {
  let pending: Promise<Credentials> | undefined;
  return {
    origin: 'aws-default-chain',
    resolve() {
      // Loaded when first needed: the SDK's chain is a large module graph that a run against the
      // embedded emulator (static keys) never uses.
      pending ??= import('@aws-sdk/credential-provider-node').then(({ defaultProvider }) => defaultProvider()()).then(
        ({ accessKeyId, secretAccessKey, sessionToken }) => ({ accessKeyId, secretAccessKey, sessionToken }),
        (cause: unknown) => {
          throw new HarnessError(
            'EC2IDEM_CREDENTIALS',
            'no AWS credentials found by the default chain: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY ' +
              '(or AWS_PROFILE), or put "credentials" in the target file',
            { cause },
          );
        },
      );
      return pending;
    },
  };
}
