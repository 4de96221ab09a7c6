// Integrations whose result carries decrypted secrets or live credentials, and where in the
// result they sit. Data, not code: SEC002 follows these fields through ResultSelector,
// ResultPath, OutputPath, Output and Assign.
import { valueOf, type AstNode } from '../parse/ast';
import type { State } from '../model/types';
import { isJsonata } from '../model/values';
import { taskPayload } from './integrations';

export interface SecretSource {
  /** `ssm`, `secretsmanager` ... as in `arn:aws:states:::aws-sdk:<service>:<action>`. */
  service: string;
  action: string;
  /** What the result holds, for messages: `the decrypted parameter value`. */
  what: string;
  /** Result paths of the sensitive fields; `*` matches any array index or key. */
  fields: string[][];
  /** The call returns plaintext only when this payload flag is true (or set at run time). */
  flag?: string;
}

const p = (...paths: string[]): string[][] => paths.map((s) => s.split('.'));

/** Every aws-sdk integration known to return decrypted material or credentials. */
export const SECRET_SOURCES: readonly SecretSource[] = [
  { service: 'secretsmanager', action: 'getSecretValue', what: 'the secret value', fields: p('SecretString', 'SecretBinary') },
  { service: 'secretsmanager', action: 'batchGetSecretValue', what: 'the secret values', fields: p('SecretValues.*.SecretString', 'SecretValues.*.SecretBinary') },
  { service: 'secretsmanager', action: 'getRandomPassword', what: 'a generated password', fields: p('RandomPassword') },
  { service: 'ssm', action: 'getParameter', what: 'the decrypted parameter value', fields: p('Parameter.Value'), flag: 'WithDecryption' },
  { service: 'ssm', action: 'getParameters', what: 'the decrypted parameter values', fields: p('Parameters.*.Value'), flag: 'WithDecryption' },
  { service: 'ssm', action: 'getParametersByPath', what: 'the decrypted parameter values', fields: p('Parameters.*.Value'), flag: 'WithDecryption' },
  { service: 'ssm', action: 'getParameterHistory', what: 'the decrypted parameter values', fields: p('Parameters.*.Value'), flag: 'WithDecryption' },
  { service: 'kms', action: 'decrypt', what: 'the decrypted plaintext', fields: p('Plaintext') },
  { service: 'kms', action: 'generateDataKey', what: 'a plaintext data key', fields: p('Plaintext') },
  { service: 'kms', action: 'generateDataKeyPair', what: 'a plaintext private key', fields: p('PrivateKeyPlaintext') },
  { service: 'sts', action: 'assumeRole', what: 'temporary AWS credentials', fields: p('Credentials') },
  { service: 'sts', action: 'assumeRoleWithSAML', what: 'temporary AWS credentials', fields: p('Credentials') },
  { service: 'sts', action: 'assumeRoleWithWebIdentity', what: 'temporary AWS credentials', fields: p('Credentials') },
  { service: 'sts', action: 'getSessionToken', what: 'temporary AWS credentials', fields: p('Credentials') },
  { service: 'sts', action: 'getFederationToken', what: 'temporary AWS credentials', fields: p('Credentials') },
  { service: 'iam', action: 'createAccessKey', what: 'a new IAM secret access key', fields: p('AccessKey') },
  { service: 'cognitoidentityprovider', action: 'initiateAuth', what: 'user tokens', fields: p('AuthenticationResult') },
  { service: 'cognitoidentityprovider', action: 'adminInitiateAuth', what: 'user tokens', fields: p('AuthenticationResult') },
  { service: 'cognitoidentityprovider', action: 'respondToAuthChallenge', what: 'user tokens', fields: p('AuthenticationResult') },
  { service: 'cognitoidentityprovider', action: 'adminRespondToAuthChallenge', what: 'user tokens', fields: p('AuthenticationResult') },
  { service: 'ecr', action: 'getAuthorizationToken', what: 'a registry authorization token', fields: p('AuthorizationData') },
  { service: 'codeartifact', action: 'getAuthorizationToken', what: 'a repository authorization token', fields: p('AuthorizationToken') },
  { service: 'redshift', action: 'getClusterCredentials', what: 'a temporary database password', fields: p('DbPassword') },
  { service: 'redshift', action: 'getClusterCredentialsWithIAM', what: 'a temporary database password', fields: p('DbPassword') },
  { service: 'redshiftserverless', action: 'getCredentials', what: 'a temporary database password', fields: p('DbPassword') },
  { service: 'apigateway', action: 'getApiKey', what: 'the API key value', fields: p('Value'), flag: 'IncludeValue' },
  { service: 'apigateway', action: 'getApiKeys', what: 'the API key values', fields: p('Items.*.Value'), flag: 'IncludeValue' },
];

/**
 * The secret source a Task calls, when its result holds plaintext secrets. A flagged call
 * (`WithDecryption`, `IncludeValue`) counts when the flag is `true` or computed at run time.
 * @example secretSourceOf(<Task aws-sdk:secretsmanager:getSecretValue>)?.fields[0] -> ['SecretString']
 */
export function secretSourceOf(state: State): SecretSource | undefined {
  const r = state.resource;
  if (r?.kind !== 'aws-sdk' || r.pattern !== 'request-response') return undefined;
  const source = SECRET_SOURCES.find((s) => s.service === r.service?.toLowerCase() && s.action.toLowerCase() === r.action?.toLowerCase());
  if (!source?.flag) return source;
  const payload = taskPayload(state)?.node;
  const flag: AstNode | undefined = valueOf(payload, source.flag);
  if (flag?.value === true || (typeof flag?.value === 'string' && (isJsonata(flag.value) || flag.bare))) return source;
  return valueOf(payload, `${source.flag}.$`) ? source : undefined;
}
