// The integration table, case by case: the exact statements generated for one definition per
// integration group, every action in the Service Authorization Reference, every ARN fitting one
// of its action's resource types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonDocument } from '../../core/iam/format-json';
import { INTEGRATIONS, ITEM_READERS, RESULT_WRITERS, DISTRIBUTED_MAP, PLACEHOLDER_FUNCTION } from '../../core/iam/integrations';
import { CASES, FILL, policyOf } from './cases';
import { actionExists, actionInfo, fitsResourceType } from './iam-data';

for (const c of CASES) {
  test(`policy: ${c.name}`, () => {
    assert.deepEqual(jsonDocument(policyOf(c), FILL).Statement, c.statements);
  });
}

test('every generated action exists and every resource fits one of its resource types', async () => {
  for (const c of CASES) {
    for (const s of policyOf(c).document.Statement) {
      if (s.Effect === 'Deny') continue;
      for (const action of s.Action) {
        assert.ok(await actionExists(action), `${c.name}: ${action} exists`);
        for (const resource of s.Resource) {
          if (resource === '*') {
            const info = await actionInfo(action);
            assert.ok(info.wildcardOnly || !info.requiredResourceTypes.length || s.Sid === 'PublishSmsNoResourceLevelScope', `${c.name}: "*" only for unscopable actions (${action})`);
          } else {
            assert.ok(await fitsResourceType(action, resource), `${c.name}: ${resource} fits a resource type of ${action}`);
          }
        }
      }
    }
  }
});

test('every action named by a table row exists in the Service Authorization Reference', async () => {
  const rows = [...INTEGRATIONS, ...ITEM_READERS, ...RESULT_WRITERS, DISTRIBUTED_MAP, PLACEHOLDER_FUNCTION];
  const view = (pattern: 'request-response' | 'sync' | 'sync:2' | 'waitForTaskToken') => ({ pattern, has: () => true, literal: () => 'IAM_ROLE', shape: () => 'x' });
  const seen = new Set<string>();
  for (const row of rows) {
    for (const pattern of row.patterns) for (const grant of row.grants(view(pattern))) for (const a of grant.actions) seen.add(a);
  }
  assert.ok(seen.size > 40, `the table names many actions (${seen.size})`);
  for (const action of seen) assert.ok(await actionExists(action), `${action} exists`);
});

test('the table covers the integrations the issue lists', () => {
  const ids = new Set(INTEGRATIONS.map((i) => i.id));
  for (const id of ['lambda:function', 'lambda:invoke', 'sns:publish', 'sqs:sendMessage', 'dynamodb:getItem', 'dynamodb:putItem', 'dynamodb:updateItem', 'dynamodb:deleteItem', 'ecs:runTask', 'batch:submitJob', 'glue:startJobRun', 'codebuild:startBuild', 'athena:startQueryExecution', 'events:putEvents', 'states:startExecution', 'http:invoke', 'bedrock:invokeModel', 'activity']) {
    assert.ok(ids.has(id), id);
  }
  assert.equal(DISTRIBUTED_MAP.id, 'map:distributed');
  assert.deepEqual(ITEM_READERS.map((i) => i.id), ['map:itemReader:s3:getObject', 'map:itemReader:s3:listObjectsV2']);
});
