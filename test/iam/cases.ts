// One definition per integration group of the IAM table, with the exact statements the generator
// must produce and the calls the simulator must allow (and a neighbouring resource it must deny).
// Region/account/state-machine name are filled with FILL so policies are concrete.
import { analyze } from '../../core';
import { generatePolicy, type PolicyResult } from '../../core/iam';
import { A, R, allow, rule, task, type IamCase } from './case-kit';
import { MORE_CASES } from './cases-more';

export { FILL, type Call, type Statement, type IamCase } from './case-kit';

export const CASES: IamCase[] = [
  {
    name: 'Lambda: lambda:invoke by name, alias, partial and full ARN; callback; direct function ARN',
    definition: {
      ByName: task('arn:aws:states:::lambda:invoke', { Parameters: { FunctionName: 'orders', 'Payload.$': '$' } }),
      ByAlias: task('arn:aws:states:::lambda:invoke', { Parameters: { FunctionName: 'billing:live' } }),
      Partial: task('arn:aws:states:::lambda:invoke', { Parameters: { FunctionName: '210987654321:function:shared' } }),
      Callback: task('arn:aws:states:::lambda:invoke.waitForTaskToken', { Parameters: { FunctionName: 'arn:aws:lambda:eu-west-1:123456789012:function:approve', Qualifier: '3', Payload: { 'token.$': '$$.Task.Token' } } }),
      Direct: task('arn:aws:lambda:us-west-2:123456789012:function:legacy'),
    },
    statements: [
      allow('InvokeLambdaFunctions', ['lambda:InvokeFunction'], [
        `arn:aws:lambda:${R}:${A}:function:orders`, `arn:aws:lambda:${R}:${A}:function:billing:live`, `arn:aws:lambda:${R}:210987654321:function:shared`,
        'arn:aws:lambda:eu-west-1:123456789012:function:approve:3', 'arn:aws:lambda:us-west-2:123456789012:function:legacy',
      ]),
    ],
    allowed: [
      { action: 'lambda:InvokeFunction', resource: `arn:aws:lambda:${R}:${A}:function:orders` },
      { action: 'lambda:InvokeFunction', resource: `arn:aws:lambda:${R}:${A}:function:billing:live` },
      { action: 'lambda:InvokeFunction', resource: 'arn:aws:lambda:eu-west-1:123456789012:function:approve:3' },
      { action: 'lambda:InvokeFunction', resource: 'arn:aws:lambda:us-west-2:123456789012:function:legacy' },
    ],
    denied: [
      { action: 'lambda:InvokeFunction', resource: `arn:aws:lambda:${R}:${A}:function:orders-admin` },
      { action: 'lambda:InvokeFunction', resource: `arn:aws:lambda:${R}:${A}:function:billing:dev` },
      { action: 'lambda:InvokeFunction', resource: 'arn:aws:lambda:eu-west-1:123456789012:function:approve' },
    ],
  },
  {
    name: 'SNS publish (and callback) to a topic, SMS to a phone number',
    definition: {
      Topic: task('arn:aws:states:::sns:publish.waitForTaskToken', { Parameters: { TopicArn: 'arn:aws:sns:us-east-1:123456789012:alerts', 'Message.$': '$$.Task.Token' } }),
      Sms: task('arn:aws:states:::sns:publish', { Parameters: { PhoneNumber: '+15555550100', Message: 'hi' } }),
    },
    statements: [
      allow('PublishToSnsTopics', ['sns:Publish'], ['arn:aws:sns:us-east-1:123456789012:alerts']),
      allow('PublishSmsNoResourceLevelScope', ['sns:Publish'], ['*']),
    ],
    allowed: [{ action: 'sns:Publish', resource: 'arn:aws:sns:us-east-1:123456789012:alerts' }],
    denied: [],
  },
  {
    name: 'SQS send message: queue URL becomes the queue ARN',
    definition: { Send: task('arn:aws:states:::sqs:sendMessage', { Parameters: { QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/jobs', 'MessageBody.$': '$' } }) },
    statements: [allow('SendSqsMessages', ['sqs:SendMessage'], ['arn:aws:sqs:eu-west-1:123456789012:jobs'])],
    allowed: [{ action: 'sqs:SendMessage', resource: 'arn:aws:sqs:eu-west-1:123456789012:jobs' }],
    denied: [{ action: 'sqs:SendMessage', resource: 'arn:aws:sqs:eu-west-1:123456789012:jobs-dlq' }],
  },
  {
    name: 'DynamoDB get/put/update/delete item: only the called action, on the named table',
    definition: {
      Get: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { TableName: 'Orders', Key: { id: { 'S.$': '$.id' } } }, Next: 'Put' },
      Put: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 'Audit', Item: {} }, Next: 'Update' },
      Update: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:updateItem', Parameters: { TableName: 'Orders' }, Next: 'Delete' },
      Delete: task('arn:aws:states:::dynamodb:deleteItem', { Parameters: { TableName: 'arn:aws:dynamodb:us-east-1:123456789012:table/Locks' } }),
    },
    statements: [
      allow('DynamoDbGetItem', ['dynamodb:GetItem'], [`arn:aws:dynamodb:${R}:${A}:table/Orders`]),
      allow('DynamoDbPutItem', ['dynamodb:PutItem'], [`arn:aws:dynamodb:${R}:${A}:table/Audit`]),
      allow('DynamoDbUpdateItem', ['dynamodb:UpdateItem'], [`arn:aws:dynamodb:${R}:${A}:table/Orders`]),
      allow('DynamoDbDeleteItem', ['dynamodb:DeleteItem'], ['arn:aws:dynamodb:us-east-1:123456789012:table/Locks']),
    ],
    allowed: [
      { action: 'dynamodb:GetItem', resource: `arn:aws:dynamodb:${R}:${A}:table/Orders` },
      { action: 'dynamodb:PutItem', resource: `arn:aws:dynamodb:${R}:${A}:table/Audit` },
      { action: 'dynamodb:DeleteItem', resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/Locks' },
    ],
    denied: [
      { action: 'dynamodb:GetItem', resource: `arn:aws:dynamodb:${R}:${A}:table/Customers` },
      { action: 'dynamodb:DeleteItem', resource: `arn:aws:dynamodb:${R}:${A}:table/Orders` },
    ],
  },
  {
    name: 'ECS/Fargate runTask: request-response, .sync (managed rule, stop/describe) and callback, iam:PassRole',
    definition: {
      Run: { Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask', Parameters: { TaskDefinition: 'web:3', Cluster: 'prod' }, Next: 'RunSync' },
      RunSync: { Type: 'Task', Resource: 'arn:aws:states:::ecs:runTask.sync', Parameters: { TaskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/batch', Cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/jobs' }, Next: 'RunWait' },
      RunWait: task('arn:aws:states:::ecs:runTask.waitForTaskToken', { Parameters: { TaskDefinition: 'worker', Overrides: { ContainerOverrides: [{ Name: 'w', Environment: [{ Name: 'TOKEN', 'Value.$': '$$.Task.Token' }] }] } } }),
    },
    statements: [
      allow('RunEcsTasks', ['ecs:RunTask'], [`arn:aws:ecs:${R}:${A}:task-definition/web:3`, 'arn:aws:ecs:us-east-1:123456789012:task-definition/batch:*', `arn:aws:ecs:${R}:${A}:task-definition/worker:*`]),
      allow('PassRolesToEcsTasks', ['iam:PassRole'], [`arn:aws:iam::${A}:role/*`], { StringEquals: { 'iam:PassedToService': ['ecs-tasks.amazonaws.com'] } }),
      allow('StopAndDescribeEcsTasks', ['ecs:StopTask', 'ecs:DescribeTasks'], ['arn:aws:ecs:us-east-1:123456789012:task/jobs/*']),
      rule('EcsSyncManagedEventRule', 'StepFunctionsGetEventsForECSTaskRule'),
    ],
    allowed: [
      { action: 'ecs:RunTask', resource: `arn:aws:ecs:${R}:${A}:task-definition/web:3` },
      { action: 'ecs:RunTask', resource: 'arn:aws:ecs:us-east-1:123456789012:task-definition/batch:12' },
      { action: 'ecs:StopTask', resource: 'arn:aws:ecs:us-east-1:123456789012:task/jobs/0123456789abcdef' },
      { action: 'events:PutRule', resource: `arn:aws:events:${R}:${A}:rule/StepFunctionsGetEventsForECSTaskRule` },
      { action: 'iam:PassRole', resource: `arn:aws:iam::${A}:role/web-task`, context: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    ],
    denied: [
      { action: 'ecs:RunTask', resource: `arn:aws:ecs:${R}:${A}:task-definition/web:4` },
      { action: 'ecs:StopTask', resource: 'arn:aws:ecs:us-east-1:123456789012:task/prod-admin/0123456789abcdef' },
      { action: 'events:PutRule', resource: `arn:aws:events:${R}:${A}:rule/SomeOtherRule` },
      { action: 'iam:PassRole', resource: `arn:aws:iam::${A}:role/web-task`, context: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
    ],
  },
  {
    name: 'Batch submitJob and submitJob.sync',
    definition: {
      Submit: { Type: 'Task', Resource: 'arn:aws:states:::batch:submitJob', Parameters: { JobName: 'n', JobDefinition: 'render', JobQueue: 'gpu' }, Next: 'SubmitSync' },
      SubmitSync: task('arn:aws:states:::batch:submitJob.sync', { Parameters: { JobName: 'n', JobDefinition: 'arn:aws:batch:us-east-1:123456789012:job-definition/report:2', JobQueue: 'arn:aws:batch:us-east-1:123456789012:job-queue/cpu' } }),
    },
    statements: [
      allow('SubmitBatchJobs', ['batch:SubmitJob'], [`arn:aws:batch:${R}:${A}:job-definition/render:*`, `arn:aws:batch:${R}:${A}:job-queue/gpu`, 'arn:aws:batch:us-east-1:123456789012:job-definition/report:2', 'arn:aws:batch:us-east-1:123456789012:job-queue/cpu']),
      allow('DescribeBatchJobsNoResourceLevelPermissions', ['batch:DescribeJobs'], ['*']),
      allow('TerminateBatchJobs', ['batch:TerminateJob'], [`arn:aws:batch:${R}:${A}:job/*`]),
      rule('BatchSyncManagedEventRule', 'StepFunctionsGetEventsForBatchJobsRule'),
    ],
    allowed: [
      { action: 'batch:SubmitJob', resource: `arn:aws:batch:${R}:${A}:job-queue/gpu` },
      { action: 'batch:SubmitJob', resource: `arn:aws:batch:${R}:${A}:job-definition/render:7` },
      { action: 'batch:TerminateJob', resource: `arn:aws:batch:${R}:${A}:job/8f1c` },
    ],
    denied: [
      { action: 'batch:SubmitJob', resource: `arn:aws:batch:${R}:${A}:job-queue/admin` },
      { action: 'batch:SubmitJob', resource: 'arn:aws:batch:us-east-1:123456789012:job-definition/report:3' },
    ],
  },
  {
    name: 'Glue startJobRun and .sync (run, poll, stop on the named job)',
    definition: {
      Start: { Type: 'Task', Resource: 'arn:aws:states:::glue:startJobRun', Parameters: { JobName: 'etl-nightly' }, Next: 'Sync' },
      Sync: task('arn:aws:states:::glue:startJobRun.sync', { Parameters: { JobName: 'etl-hourly' } }),
    },
    statements: [
      allow('StartGlueJobRuns', ['glue:StartJobRun'], [`arn:aws:glue:${R}:${A}:job/etl-nightly`]),
      allow('RunGlueJobsAndWait', ['glue:StartJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun'], [`arn:aws:glue:${R}:${A}:job/etl-hourly`]),
    ],
    allowed: [{ action: 'glue:StartJobRun', resource: `arn:aws:glue:${R}:${A}:job/etl-nightly` }, { action: 'glue:GetJobRun', resource: `arn:aws:glue:${R}:${A}:job/etl-hourly` }],
    denied: [{ action: 'glue:StartJobRun', resource: `arn:aws:glue:${R}:${A}:job/etl-weekly` }, { action: 'glue:GetJobRun', resource: `arn:aws:glue:${R}:${A}:job/etl-nightly` }],
  },
  {
    name: 'CodeBuild startBuild and .sync (managed rule)',
    definition: {
      Start: { Type: 'Task', Resource: 'arn:aws:states:::codebuild:startBuild', Parameters: { ProjectName: 'lint' }, Next: 'Sync' },
      Sync: task('arn:aws:states:::codebuild:startBuild.sync', { Parameters: { ProjectName: 'build' } }),
    },
    statements: [
      allow('StartCodeBuildBuilds', ['codebuild:StartBuild'], [`arn:aws:codebuild:${R}:${A}:project/lint`]),
      allow('RunCodeBuildBuildsAndWait', ['codebuild:StartBuild', 'codebuild:StopBuild', 'codebuild:BatchGetBuilds'], [`arn:aws:codebuild:${R}:${A}:project/build`]),
      rule('CodeBuildSyncManagedEventRule', 'StepFunctionsGetEventForCodeBuildStartBuildRule'),
    ],
    allowed: [{ action: 'codebuild:StartBuild', resource: `arn:aws:codebuild:${R}:${A}:project/lint` }],
    denied: [{ action: 'codebuild:StartBuild', resource: `arn:aws:codebuild:${R}:${A}:project/deploy` }],
  },
  {
    name: 'Athena startQueryExecution.sync with a results bucket; getQueryResults',
    definition: {
      Query: { Type: 'Task', Resource: 'arn:aws:states:::athena:startQueryExecution.sync', Parameters: { QueryString: 'SELECT 1', WorkGroup: 'analytics', ResultConfiguration: { OutputLocation: 's3://athena-results/q/' } }, Next: 'Results' },
      Results: task('arn:aws:states:::athena:getQueryResults', { Parameters: { 'QueryExecutionId.$': '$.QueryExecution.QueryExecutionId' } }),
    },
    statements: [
      allow('RunAthenaQueriesAndWait', ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:StopQueryExecution'], [`arn:aws:athena:${R}:${A}:workgroup/analytics`]),
      allow('ReadAthenaDataCatalog', ['athena:GetDataCatalog'], [`arn:aws:athena:${R}:${A}:datacatalog/AwsDataCatalog`]),
      allow('WriteAthenaQueryResults', ['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'], ['arn:aws:s3:::athena-results/q/*']),
      allow('AthenaGetQueryResults', ['athena:GetQueryResults'], [`arn:aws:athena:${R}:${A}:workgroup/*`]),
    ],
    allowed: [{ action: 'athena:StartQueryExecution', resource: `arn:aws:athena:${R}:${A}:workgroup/analytics` }, { action: 's3:PutObject', resource: 'arn:aws:s3:::athena-results/q/abc.csv' }],
    denied: [{ action: 'athena:StartQueryExecution', resource: `arn:aws:athena:${R}:${A}:workgroup/primary` }, { action: 's3:PutObject', resource: 'arn:aws:s3:::athena-results/other/abc.csv' }],
  },
  {
    name: 'EventBridge putEvents: a named bus and the default bus',
    definition: { Put: task('arn:aws:states:::events:putEvents', { Parameters: { Entries: [{ EventBusName: 'orders', Detail: {} }, { Source: 'app', Detail: {} }] } }) },
    statements: [allow('PutEventsOnEventBuses', ['events:PutEvents'], [`arn:aws:events:${R}:${A}:event-bus/orders`, `arn:aws:events:${R}:${A}:event-bus/default`])],
    allowed: [{ action: 'events:PutEvents', resource: `arn:aws:events:${R}:${A}:event-bus/orders` }, { action: 'events:PutEvents', resource: `arn:aws:events:${R}:${A}:event-bus/default` }],
    denied: [{ action: 'events:PutEvents', resource: `arn:aws:events:${R}:${A}:event-bus/audit` }],
  },
  ...MORE_CASES,
];

/** Builds the definition text of a case. */
export function definitionText(c: IamCase): string {
  const d = c.definition;
  const body = 'StartAt' in d ? d : { StartAt: Object.keys(d)[0], States: d };
  return JSON.stringify(body, null, 2);
}

/** Generates the policy of a case. */
export function policyOf(c: IamCase): PolicyResult {
  const { model } = analyze(definitionText(c), { format: 'json' });
  return generatePolicy(model, c.options);
}
