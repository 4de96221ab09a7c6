// Deterministic generator of realistic state machine definitions for benchmarks: N top-level
// states of about 800 bytes each (pretty-printed), cycling through Task (Lambda, SQS, DynamoDB,
// with Retry and Catch), Choice, Map, Parallel, Wait and Pass, chained by Next, ending in Succeed.
// Like real files it has a few findings: every 40th state takes its Lambda function name from the
// input (IAM002) and every 100th state is a Map without MaxConcurrency (QUO003).
//   node bench/generate-definition.mjs 1000 > big.asl.json

const name = (i) => `Step${String(i).padStart(4, '0')}`;

function task(i, next) {
  const runtimeName = i % 40 === 0 ? { Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'FunctionName.$': '$.handler', 'Payload.$': '$.order' } } : undefined;
  const kinds = [
    { Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: `arn:aws:lambda:us-east-1:123456789012:function:worker-${i % 17}:live`, 'Payload.$': '$.order' } },
    { Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl: `https://sqs.us-east-1.amazonaws.com/123456789012/queue-${i % 11}`, 'MessageBody.$': '$.detail' } },
    { Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: `orders-${i % 7}`, Item: { pk: { 'S.$': '$.id' }, status: { S: 'PENDING' } } } },
  ];
  return {
    Type: 'Task',
    Comment: `Task ${i}: processes one order step and records the outcome.`,
    ...(runtimeName ?? kinds[i % kinds.length]),
    ResultSelector: { 'status.$': '$.StatusCode', 'body.$': '$.Payload' },
    ResultPath: `$.results.${name(i)}`,
    TimeoutSeconds: 60,
    Retry: [
      { ErrorEquals: ['Lambda.ServiceException', 'Lambda.TooManyRequestsException'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2, MaxDelaySeconds: 30 },
      { ErrorEquals: ['States.Timeout'], IntervalSeconds: 5, MaxAttempts: 2 },
    ],
    Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'HandleFailure' }],
    Next: next,
  };
}

function choice(i, next) {
  return {
    Type: 'Choice',
    Comment: `Choice ${i}: routes by order type and amount.`,
    Choices: [
      { And: [{ Variable: '$.order.type', StringEquals: 'express' }, { Variable: '$.order.amount', NumericGreaterThan: 1000 }], Next: next },
      { Variable: '$.order.region', StringMatches: 'eu-*', Next: next },
      { Not: { Variable: '$.order.flag', IsPresent: true }, Next: next },
    ],
    Default: next,
  };
}

function map(i, next) {
  return {
    Type: 'Map',
    Comment: `Map ${i}: handles every line item.`,
    ItemsPath: '$.order.items',
    ...(i % 100 === 3 ? {} : { MaxConcurrency: 10 }),
    ItemProcessor: {
      ProcessorConfig: { Mode: 'INLINE' },
      StartAt: `Item${i}`,
      States: {
        [`Item${i}`]: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'arn:aws:lambda:us-east-1:123456789012:function:line-item', 'Payload.$': '$' }, End: true },
      },
    },
    ResultPath: '$.items',
    Next: next,
  };
}

function parallel(i, next) {
  const branch = (b) => ({ StartAt: `Branch${i}_${b}`, States: { [`Branch${i}_${b}`]: { Type: 'Pass', Result: { branch: b, step: i }, End: true } } });
  return { Type: 'Parallel', Comment: `Parallel ${i}: two independent checks.`, Branches: [branch('a'), branch('b')], ResultPath: '$.checks', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'HandleFailure' }], Next: next };
}

const wait = (i, next) => ({ Type: 'Wait', Comment: `Wait ${i}: gives the downstream system time to settle before the next step runs.`, Seconds: 5 + (i % 30), Next: next });
const pass = (i, next) => ({ Type: 'Pass', Comment: `Pass ${i}: shapes the state for the next step.`, Parameters: { 'id.$': '$.id', 'order.$': '$.order', step: i, 'results.$': '$.results' }, Next: next });

const CYCLE = [task, choice, task, map, task, wait, parallel, task, pass, task];

/** A definition with `count` top-level states (plus the two terminal ones). */
export function generateDefinition(count) {
  const states = {};
  for (let i = 0; i < count; i++) states[name(i)] = CYCLE[i % CYCLE.length](i, i + 1 < count ? name(i + 1) : 'Done');
  states.HandleFailure = { Type: 'Fail', Error: 'OrderFailed', Cause: 'A step failed after its retries.' };
  states.Done = { Type: 'Succeed' };
  return { Comment: `Generated benchmark workflow with ${count} states.`, StartAt: name(0), States: states };
}

/** The definition as pretty-printed JSON text. */
export function generateText(count) {
  return JSON.stringify(generateDefinition(count), null, 2) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(generateText(Number(process.argv[2] ?? 1000)));
