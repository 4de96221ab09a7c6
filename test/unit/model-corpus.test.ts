// ASL006 and ASL007 on the real-world corpus (/work/shared/corpus/asl, definitions that nobody on
// the team wrote): a file that Step Functions accepts must get no finding. The few findings are
// listed here with the real mistake each one is; any new finding fails this test until reviewed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, formatForPath } from '../../core';
import { CORPUS as CORPUS_ROOT, NO_CORPUS } from '../helpers/corpus';

const CORPUS = join(CORPUS_ROOT, 'asl');

/** file -> "RULE messageId pointer" of every reviewed finding, with why it is right. */
const REVIEWED: Record<string, string[]> = {
  // ManageIQ floe runs its own workflow engine: docker:// resources, its own Credentials and Secrets.
  'ManageIQ__floe__examples__everything.asl': ['ASL006 unknownField /States/FirstState/Credentials/mysecret'],
  'ManageIQ__floe__examples__workflow.asl': ['ASL006 unknownField /States/FirstState/Credentials/mysecret', 'ASL006 unknownField /States/NextState/Secrets'],
  'ManageIQ__floe__examples__http.asl': ['ASL007 invalidPath /States/Login/ResultPath'], // ResultPath "$$.Credentials"
  // A catcher without Next, and a Choice rule with only Next.
  'avitalBic__chargeflow__step_function.json': ['ASL006 missingField /States/connectBilling/Catch/0', 'ASL006 missingOperator /States/Choice/Choices/0'],
  // "Parameters" of a Pass state is an array.
  'aws-samples__serverless-patterns__eventbridge-pipes-sqs-to-lambda-with-stepfunction-enrichment__workflow__enrichment.asl.json': ['ASL006 invalidValue /States/Format result for target/Parameters'],
  // "QueryLanguage": "JSONata" was written inside "States", so the machine is JSONPath and its JSONata fields are misplaced.
  'aws-samples__step-functions-workflows-collection__shared-fallback-state-jsonata__statemachine__statemachine.asl.json': [
    'ASL006 stateNotObject /States/QueryLanguage',
    'ASL006 jsonataOnly /States/FirstLambdaState/Output', 'ASL006 jsonataOnly /States/FirstLambdaState/Arguments', 'ASL006 jsonataOnly /States/FirstLambdaState/Catch/0/Output',
    'ASL006 jsonataOnly /States/SecondLambdaState/Output', 'ASL006 jsonataOnly /States/SecondLambdaState/Arguments', 'ASL006 jsonataOnly /States/SecondLambdaState/Catch/0/Output',
    'ASL006 jsonataOnly /States/ThirdLambdaState/Output', 'ASL006 jsonataOnly /States/ThirdLambdaState/Arguments', 'ASL006 jsonataOnly /States/ThirdLambdaState/Catch/0/Output',
  ],
  // Templates filled by the author's own tool (not ${} placeholders): "Items": "TOOL_NAMES_LIST", "Choices": "DYNAMIC_ROUTING_CHOICES", an empty rule.
  'guyernest__step-functions-agent__step-functions__dynamic-agent-template.json': ['ASL006 invalidValue /States/Load Tools from Registry/Items', 'ASL006 invalidValue /States/For each tool use/ItemProcessor/States/Which Tool to Use?/Choices'],
  'guyernest__step-functions-agent__step-functions__dynamic-sql-agent-template.json': ['ASL006 invalidValue /States/For Each Tool/Items'],
  'guyernest__step-functions-agent__step-functions__supervisor-agent-flow-template.json': ['ASL006 missingField /States/For each tool use/ItemProcessor/States/Which Tool to Use?/Choices/0', 'ASL006 missingField /States/For each tool use/ItemProcessor/States/Which Tool to Use?/Choices/0'],
  // "ResultPath" written twice in one Task state ("$.Payload.body", then "$.output"): Step Functions rejects duplicate keys.
  'TravisWheelerLab__danaides__statemachine.asl.json': ['ASL006 duplicateKey /States/Write Manifest/ResultPath'],
  // HeartbeatSeconds equal to TimeoutSeconds (3600): it must be smaller.
  'sebastian-mora__aws-jit__infra__step_def.tpl': ['ASL006 heartbeatTooLong /States/Send admin request/HeartbeatSeconds'],
};

test('ASL006/ASL007 on the corpus: only the reviewed, real mistakes', { skip: NO_CORPUS }, () => {
  const actual: Record<string, string[]> = {};
  for (const file of readdirSync(CORPUS).sort()) {
    const result = analyze(readFileSync(join(CORPUS, file), 'utf8'), { format: formatForPath(file) });
    const mine = result.findings.filter((f) => f.ruleId === 'ASL006' || f.ruleId === 'ASL007').map((f) => `${f.ruleId} ${f.messageId} ${f.pointer}`);
    if (mine.length) actual[file] = mine;
  }
  const sorted = (r: Record<string, string[]>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [...v].sort()]).sort());
  assert.deepEqual(sorted(actual), sorted(REVIEWED));
});
