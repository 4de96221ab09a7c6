// Every generated policy, evaluated by an IAM policy simulator (@cloud-copilot/iam-simulate): each
// call the definition needs is allowed on its resource, and a neighbouring resource is denied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSimulation, runUnsafeSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { jsonDocument } from '../../core/iam/format-json';
import { CASES, FILL, policyOf, type Call } from './cases';

/** KMS authorizes through the key policy: use the default one, which delegates to the account's IAM policies. */
const DEFAULT_KEY_POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${FILL.account}:root` }, Action: 'kms:*', Resource: '*' }] };

function simulation(policy: unknown, call: Call): Simulation {
  return {
    ...(call.action.startsWith('kms:') ? { resourcePolicy: DEFAULT_KEY_POLICY } : {}),
    request: { principal: `arn:aws:iam::${FILL.account}:role/StepFunctionsExecutionRole`, action: call.action, resource: { resource: call.resource, accountId: FILL.account }, contextVariables: call.context ?? {} },
    identityPolicies: [{ name: 'generated', policy }],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  };
}

async function decide(policy: unknown, call: Call): Promise<string> {
  const result = await runSimulation(simulation(policy, call), {});
  if (result.resultType === 'error') throw new Error(`${call.action} on ${call.resource}: ${result.errors.message} ${JSON.stringify(result.errors)}`);
  return result.overallResult;
}

for (const c of CASES) {
  test(`simulator: ${c.name}`, async () => {
    const policy = jsonDocument(policyOf(c), FILL);
    assert.ok(c.allowed.length + c.denied.length > 0, 'the case checks something');
    for (const call of c.allowed) assert.equal(await decide(policy, call), 'Allowed', `${call.action} on ${call.resource} is allowed`);
    for (const call of c.denied) assert.notEqual(await decide(policy, call), 'Allowed', `${call.action} on ${call.resource} is denied`);
  });
}

// The Service Authorization Reference lists states:HTTPMethod / states:HTTPEndpoint for the
// service but does not attach them to states:InvokeHTTPEndpoint, so the validating simulator drops
// them; the Step Functions guide documents them for this action. Evaluate without that validation.
test('simulator: the HTTP Task conditions allow the named method and endpoint only', () => {
  const c = CASES.find((x) => x.name.startsWith('HTTP Task'))!;
  const policy = jsonDocument(policyOf(c), FILL);
  const call = (method: string, endpoint: string) =>
    runUnsafeSimulation(simulation(policy, { action: 'states:InvokeHTTPEndpoint', resource: '*', context: { 'states:HTTPMethod': method, 'states:HTTPEndpoint': endpoint } }), {});
  assert.equal(call('GET', 'https://api.example.com/v1/customers'), 'Allowed');
  assert.notEqual(call('POST', 'https://api.example.com/v1/customers'), 'Allowed');
  assert.notEqual(call('GET', 'https://evil.example.net/v1/customers'), 'Allowed');
});
