// The shared secret-detection pieces: masking, the key classifier, the value judge, the pattern
// catalog, expression reading and result-flow overlap. Rules are tested through fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mask } from '../../core/secrets/mask';
import { classifyName, classifyPathSegments, isReferenceName } from '../../core/secrets/secret-keys';
import { isNonSecretValue, looksLikeCredential } from '../../core/secrets/literal';
import { decodeBase64, findKnownSecrets, SECRET_PATTERNS } from '../../core/secrets/patterns';
import { dataReferences, literalPieces, parsePath } from '../../core/secrets/expressions';
import { builtLiterals, effectiveKey } from '../../core/secrets/scan';
import { overlaps } from '../../core/secrets/flow';

test('mask keeps at most four characters and at most a quarter of the value', () => {
  assert.equal(mask('ghp_abcdefghijklmnopqrstuvwxyz0123456789'), 'ghp_…');
  assert.equal(mask('hunter22'), 'hu…');
  assert.equal(mask('abc'), '…');
  assert.equal(mask(''), '…');
  for (let n = 0; n < 80; n++) {
    const value = 'x'.repeat(n);
    const shown = mask(value).replace('…', '');
    assert.ok(shown.length <= 4 && shown.length <= n / 4, `mask of ${n} chars shows ${shown.length}`);
  }
});

test('classifyName: secret-named keys', () => {
  const cases: [string, string][] = [
    ['password', 'password'], ['MasterUserPassword', 'password'], ['db_passwd', 'password'], ['PWD', 'password'],
    ['client_secret', 'secret'], ['clientSecret', 'secret'], ['mysecret', 'secret'], ['SecretString', 'secret'],
    ['api_key', 'api-key'], ['apiKey', 'api-key'], ['X-API-Key', 'api-key'], ['x-api-key', 'api-key'], ['APIKEY', 'api-key'],
    ['access_token', 'token'], ['refreshToken', 'token'], ['id_token', 'token'], ['X-Auth-Token', 'token'], ['jwt', 'token'],
    ['Authorization', 'authorization'], ['Proxy-Authorization', 'authorization'], ['auth', 'authorization'],
    ['private_key', 'private-key'], ['privateKey', 'private-key'], ['aws_secret_access_key', 'aws-secret-key'],
    ['Cookie', 'cookie'], ['Set-Cookie', 'cookie'], ['credentials', 'credentials'], ['Authorization.$', 'authorization'],
  ];
  for (const [name, kind] of cases) assert.equal(classifyName(name)?.kind, kind, name);
});

test('classifyName: look-alikes that are not secrets', () => {
  const names = [
    'SecretId', 'SecretArn', 'SecretName', 'ApiKeyParameterName', 'PasswordParameterName', 'tokenType', 'token_type', 'passwordPolicy',
    'PasswordResetRequired', 'ManageMasterUserPassword', 'NextToken', 'ContinuationToken', 'ClientToken', 'ClientRequestToken',
    'IdempotencyToken', 'TaskToken', 'taskToken', 'max_tokens', 'maxTokens', 'MaxTokens', 'OverlapTokens', 'HttpTokens', 'AccessKeyId',
    'KmsKeyId', 'token_url', 'TokenEndpoint', 'AuthType', 'AuthorizationType', 'sessionId', 'OAuth', 'Author', 'username',
    'ObjectKey', 'STATE_MACHINE_TASK_TOKEN', 'SecretsManagerSecretId', 'AccessTokenValidity', 'CookieBehavior', 'ListAccessKeys',
    'PasswordLength', 'tokenizer', 'Pass',
  ];
  for (const name of names) assert.equal(classifyName(name), undefined, name);
});

test('classifyName: a bare token is generic; a qualified parent makes it specific', () => {
  assert.equal(classifyName('token')?.generic, true);
  assert.equal(classifyName('X-Token')?.generic, true);
  assert.equal(classifyName('accessToken')?.generic, false);
  assert.equal(classifyPathSegments(['auth', 'token'])?.generic, false);
  assert.equal(classifyPathSegments(['webhookCallData', 'token'])?.generic, true);
  assert.equal(classifyPathSegments(['user', '0', 'password'])?.kind, 'password');
});

test('isReferenceName: placeholder names that name a secret instead of holding it', () => {
  for (const name of ['DbSecretArn', 'ApiKeyParameterName', 'TokenSecretName', 'DbPasswordSecret', 'aws_secretsmanager_secret.db.arn', 'SecretKeyPath', 'ApiKeyParam']) {
    assert.equal(isReferenceName(name), true, name);
  }
  for (const name of ['MasterUserPassword', 'ApiKey', 'ClientSecret', 'var.db_password', 'data.aws_ssm_parameter.x.value', 'PartnerApiToken']) {
    assert.equal(isReferenceName(name), false, name);
  }
  assert.equal(isReferenceName('DbPasswordHandle', ['handle']), true);
});

test('looksLikeCredential: real values versus stand-ins', () => {
  const pw = { kind: 'password' as const, generic: false };
  const key = { kind: 'api-key' as const, generic: false };
  const secret = { kind: 'secret' as const, generic: false };
  for (const v of ['hunter22', 'Tr0ub4dor&3', 'root']) assert.equal(looksLikeCredential(v, pw), true, v);
  for (const v of ['', '   ', 'changeme', 'REDACTED', '<password>', '{{password}}', '${DbPassword}', '$.password', '****', 'YOUR_PASSWORD_HERE', 'true', 'abc']) {
    assert.equal(looksLikeCredential(v, pw), false, v);
  }
  for (const v of ['abc123def456', 'k-2c9a41f07b6e4d3a', 'Bearer 0a1b2c3d4e5f6a7b', 'supersecretvalue1']) assert.equal(looksLikeCredential(v, key), true, v);
  for (const v of ['Bearer', 'Bearer {}', 'my-api-key', 'required', 'SECURE_STRING', 'arn:aws:ssm:us-east-1:1:parameter/x', 'https://auth.example.com/token', '/prod/api/key', 'short1']) {
    assert.equal(looksLikeCredential(v, key), false, v);
  }
  assert.equal(looksLikeCredential('dont tell anyone', secret), true);
  assert.equal(looksLikeCredential('Secret not found.', secret), false);
  assert.equal(looksLikeCredential('dont tell anyone', key), false);
  assert.equal(looksLikeCredential('k9Z2p', key, { minLength: 4, minPasswordLength: 4, allow: [] }), true);
  assert.equal(looksLikeCredential('local-test-1', pw, { minLength: 8, minPasswordLength: 4, allow: [/^local-test-/] }), false);
});

test('isNonSecretValue: references, ARNs, URLs and resource paths', () => {
  for (const v of ['$.x', '$$.Task.Token', "States.Format('{}', $.x)", '{% $states.input.x %}', '${Token}', 'arn:aws:secretsmanager:us-east-1:1:secret:x', 'https://example.com/a', '/prod/db/password']) {
    assert.equal(isNonSecretValue(v), true, v);
  }
  for (const v of ['Sup3rS3cret!', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPL3KEY'.replace('EXAMPL3', 'Q1x2Y3')]) assert.equal(isNonSecretValue(v), false, v);
});

const SAMPLES: Record<string, string> = {
  'private-key': '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----',
  'aws-secret-access-key': 'aws_secret_access_key = "Zq8Xw2Vt6Ls4Kp0Jm9Nh7Gf5Dc3Bx1Az8Yw6Uv4T"',
  'aws-access-key-id': 'AKIAQ3EGRT5XW7HZ2KMN',
  jwt: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  'github-token': 'ghp_R7kQ2mX9vL4tZ8wN1cP6yB3dF5hJ0sA2gE7u',
  'gitlab-token': 'glpat-Ab3De5Gh7Jk9Mn1Pq3St',
  'slack-webhook': 'https://hooks.slack.com/services/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',
  'slack-token': 'xoxb-2048-4096-aB3cD5eF7gH9',
  'discord-webhook': 'https://discord.com/api/webhooks/123456789012345678/' + 'aB3-cD5_eF7gH9iJ1kL3mN5oP7qR9sT1uV3wX5yZ7aB9cD1eF3gH5iJ7kL9mN1oP3qR5',
  'stripe-secret-key': 'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
  'google-api-key': 'AIzaSyD3x8Q-7kLm2Np4Rs6Tu8Vw0Xy2Za4Bc6D',
  'anthropic-api-key': 'sk-ant-api03-' + 'aB3cD5eF7gH9'.repeat(7) + 'iJ1kL3mN5' + 'AA',
  'openai-api-key': 'sk-proj-aB3cD5eF7gH9iJ1kL3mN5T3BlbkFJoP7qR9sT1uV3wX5yZ7aB',
  'npm-token': 'npm_aB3cD5eF7gH9iJ1kL3mN5oP7qR9sT1uV3wX5',
  'sendgrid-api-key': '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',
  'huggingface-token': 'hf_aBcDeFgHiJkLmNoPqRsTuVwXyZaBcDeFgH',
  'azure-storage-key': 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=' + 'aB3cD5eF7gH9iJ1kL3mN5oP7qR9sT1uV3wX5yZ7aB9cD1eF3gH5iJ7kL9mN1oP3qR5sT7uV9wX1yZ3aB5cD7eF' + '==',
  'url-credentials': 'postgres://app:Sup3rS3cret@db.internal:5432/app',
  'connection-string-password': 'Server=db;Database=app;User Id=app;Password=Sup3rS3cret;',
  'bearer-token': 'Bearer 0a1b2c3d4e5f6a7b8c9d',
  'basic-auth': 'Basic c3ZjLXJlcG9ydGluZzpUcjB1YjRkb3ImMw==',
};

test('every pattern in the catalog has a source and matches its sample', () => {
  for (const pattern of SECRET_PATTERNS) {
    assert.ok(pattern.source.length > 5, `${pattern.id} names its source`);
    const sample = SAMPLES[pattern.id];
    assert.ok(sample, `sample for ${pattern.id}`);
    const found = findKnownSecrets(sample);
    assert.equal(found[0]?.pattern.id, pattern.id, `${pattern.id} matches its sample`);
  }
});

test('findKnownSecrets skips documentation examples, fillers, placeholders and plain words', () => {
  for (const text of [
    'AKIAIOSFODNN7EXAMPLE', 'ghp_' + 'x'.repeat(36), 'postgres://app:${DbPassword}@db:5432/app', 'https://user:<password>@host/x',
    'Bearer authentication is required for this endpoint', 'Basic realm', 'Basic dGVzdA==', 'eyJhbGciOi', 'Password={0};', 'sk_test_' + '0'.repeat(24),
  ]) {
    assert.deepEqual(findKnownSecrets(text).map((m) => m.pattern.id), [], text);
  }
});

test('decodeBase64 decodes without Buffer', () => {
  assert.equal(decodeBase64('dXNlcjpwYXNz'), 'user:pass');
  assert.equal(decodeBase64('not base64!'), undefined);
});

test('literalPieces and builtLiterals read JSONPath, intrinsics and JSONata', () => {
  assert.deepEqual(literalPieces("States.Format('Bearer {}', 'abc')", true).map((p) => p.text), ['Bearer {}', 'abc']);
  assert.deepEqual(literalPieces('$.x', true), []);
  assert.deepEqual(literalPieces("{% {'password': 'p1', 'user': $u} %}", false), [{ text: 'p1', key: 'password' }]);
  assert.deepEqual(builtLiterals("{% 'Bearer ' & 'abc' %}", false), ['Bearer ', 'abc']);
  assert.deepEqual(builtLiterals("{% $lookup($states.input, 'key-name') %}", false), []);
  assert.deepEqual(builtLiterals('plain', false), ['plain']);
});

test('dataReferences and parsePath classify where data comes from', () => {
  assert.deepEqual(parsePath("$.a['b c'][0].d"), { root: '$', segments: ['a', 'b c', '*', 'd'] });
  const refs = (v: string, dyn = true) => dataReferences(v, dyn).map((r) => `${r.source}:${r.segments.join('.')}`);
  assert.deepEqual(refs('$$.Task.Token'), ['task-token:']);
  assert.deepEqual(refs('$$.Execution.Input.user.password'), ['execution-input:user.password']);
  assert.deepEqual(refs('$$.Map.Item.Value.token'), ['map-item:token']);
  assert.deepEqual(refs("States.Format('{}:{}', $.a, $creds.b)"), ['state-input:a', 'variable:b']);
  assert.deepEqual(refs('{% $states.context.Task.Token %}', false), ['task-token:']);
  assert.ok(refs('{% $states.input.auth.token & $x %}', false).includes('state-input:auth.token'));
  assert.deepEqual(refs('$.x', false), []);
});

test('effectiveKey looks through value wrappers', () => {
  assert.equal(effectiveKey(['Item', 'password', 'S']), 'password');
  assert.equal(effectiveKey(['Attrs', 'api_key', 'StringValue']), 'api_key');
  assert.equal(effectiveKey(['Environment', '0', 'Value']), 'Value');
  assert.equal(effectiveKey(['token.$']), 'token');
  assert.equal(effectiveKey(['list', '0']), undefined);
});

test('overlaps is a prefix relation with wildcards', () => {
  assert.equal(overlaps(['Parameter'], ['Parameter', 'Value']), true);
  assert.equal(overlaps(['Parameter', 'Name'], ['Parameter', 'Value']), false);
  assert.equal(overlaps([], ['SecretString']), true);
  assert.equal(overlaps(['Parameters', '0', 'Value'], ['Parameters', '*', 'Value']), true);
});
