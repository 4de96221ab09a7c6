// One definition per integration group of the IAM table, with the exact statements the generator
// must produce and the calls the simulator must allow (and a neighbouring resource it must deny).
// Region/account/state-machine name are filled with FILL so policies are concrete.
import { analyze } from '../../core';
import { generatePolicy, type GeneratePolicyOptions, type PolicyResult } from '../../core/iam';

export const FILL = { region: 'us-east-1', account: '123456789012', stateMachineName: 'MyMachine' };
const R = FILL.region;
const A = FILL.account;

export interface Call {
  action: string;
  resource: string;
  context?: Record<string, string>;
}

export interface Statement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string[]>>;
}

export interface IamCase {
  name: string;
  /** The States object (StartAt is the first state), or a whole definition with `StartAt`. */
  definition: Record<string, unknown>;
  options?: GeneratePolicyOptions;
  statements: Statement[];
  allowed: Call[];
  denied: Call[];
}

const task = (Resource: string, extra: Record<string, unknown> = {}) => ({ Type: 'Task', Resource, ...extra, End: true });
const allow = (Sid: string, Action: string[], Resource: string[], Condition?: Statement['Condition']): Statement => ({ Sid, Effect: 'Allow', Action, Resource, ...(Condition ? { Condition } : {}) });
const rule = (Sid: string, name: string) => allow(Sid, ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'], [`arn:aws:events:${R}:${A}:rule/${name}`]);

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
  {
    name: 'Nested Step Functions: startExecution, .sync, .sync:2 (managed rule, describe/stop) and a self call',
    definition: {
      Async: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution', Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:notify' }, Next: 'Sync' },
      Sync: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync', Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:child' }, Next: 'Sync2' },
      Sync2: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:child2' }, Next: 'Again' },
      Again: task('arn:aws:states:::states:startExecution', { Parameters: { 'StateMachineArn.$': '$$.StateMachine.Id' } }),
    },
    statements: [
      allow('StartNestedExecutions', ['states:StartExecution'], ['arn:aws:states:us-east-1:123456789012:stateMachine:notify', 'arn:aws:states:us-east-1:123456789012:stateMachine:child', 'arn:aws:states:us-east-1:123456789012:stateMachine:child2', `arn:aws:states:${R}:${A}:stateMachine:MyMachine`]),
      allow('DescribeAndStopNestedExecutions', ['states:DescribeExecution', 'states:StopExecution'], ['arn:aws:states:us-east-1:123456789012:execution:child:*', 'arn:aws:states:us-east-1:123456789012:execution:child2:*']),
      rule('NestedExecutionsManagedEventRule', 'StepFunctionsGetEventsForStepFunctionsExecutionRule'),
    ],
    allowed: [
      { action: 'states:StartExecution', resource: 'arn:aws:states:us-east-1:123456789012:stateMachine:child' },
      { action: 'states:DescribeExecution', resource: 'arn:aws:states:us-east-1:123456789012:execution:child:run-1' },
      { action: 'states:StartExecution', resource: `arn:aws:states:${R}:${A}:stateMachine:MyMachine` },
    ],
    denied: [
      { action: 'states:StartExecution', resource: 'arn:aws:states:us-east-1:123456789012:stateMachine:children' },
      { action: 'states:StopExecution', resource: 'arn:aws:states:us-east-1:123456789012:execution:notify:run-1' },
    ],
  },
  {
    name: 'HTTP Task: InvokeHTTPEndpoint with method/endpoint conditions, connection credentials and secret',
    definition: { Call: task('arn:aws:states:::http:invoke', { Parameters: { ApiEndpoint: 'https://api.example.com/v1/customers', Method: 'GET', Authentication: { ConnectionArn: 'arn:aws:events:us-east-1:123456789012:connection/Stripe/81210c42' } } }) },
    statements: [
      allow('InvokeHttpEndpointsScopedByConditions', ['states:InvokeHTTPEndpoint'], ['*'], { StringEquals: { 'states:HTTPMethod': ['GET'] }, StringLike: { 'states:HTTPEndpoint': ['https://api.example.com/v1/customers'] } }),
      allow('RetrieveConnectionCredentials', ['events:RetrieveConnectionCredentials'], ['arn:aws:events:us-east-1:123456789012:connection/Stripe/81210c42']),
      allow('ReadConnectionSecrets', ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], ['arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/Stripe/*']),
    ],
    allowed: [
      { action: 'events:RetrieveConnectionCredentials', resource: 'arn:aws:events:us-east-1:123456789012:connection/Stripe/81210c42' },
      { action: 'secretsmanager:GetSecretValue', resource: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/Stripe/6a1f-AbCdEf' },
    ],
    denied: [
      { action: 'events:RetrieveConnectionCredentials', resource: 'arn:aws:events:us-east-1:123456789012:connection/Other/81210c42' },
      { action: 'secretsmanager:GetSecretValue', resource: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf' },
    ],
  },
  {
    name: 'Bedrock invokeModel: foundation model, S3 input and output',
    definition: { Invoke: task('arn:aws:states:::bedrock:invokeModel', { Parameters: { ModelId: 'anthropic.claude-v2', Input: { S3Uri: 's3://prompts/in.json' }, Output: { S3Uri: 's3://answers/out.json' } } }) },
    statements: [
      allow('InvokeBedrockModels', ['bedrock:InvokeModel'], [`arn:aws:bedrock:${R}::foundation-model/anthropic.claude-v2`]),
      allow('ReadBedrockInputFromS3', ['s3:GetObject'], ['arn:aws:s3:::prompts/in.json']),
      allow('WriteBedrockOutputToS3', ['s3:PutObject'], ['arn:aws:s3:::answers/out.json']),
    ],
    allowed: [{ action: 'bedrock:InvokeModel', resource: `arn:aws:bedrock:${R}::foundation-model/anthropic.claude-v2` }, { action: 's3:GetObject', resource: 'arn:aws:s3:::prompts/in.json' }],
    denied: [{ action: 'bedrock:InvokeModel', resource: `arn:aws:bedrock:${R}::foundation-model/anthropic.claude-v3` }, { action: 's3:GetObject', resource: 'arn:aws:s3:::prompts/other.json' }],
  },
  {
    name: 'API Gateway invoke with IAM_ROLE auth',
    definition: { Api: task('arn:aws:states:::apigateway:invoke', { Parameters: { ApiEndpoint: 'a1b2c3.execute-api.us-east-1.amazonaws.com', Method: 'POST', Stage: 'prod', Path: '/orders', AuthType: 'IAM_ROLE' } }) },
    statements: [allow('InvokeApiGatewayApis', ['execute-api:Invoke'], [`arn:aws:execute-api:us-east-1:${A}:a1b2c3/prod/POST/orders`])],
    allowed: [{ action: 'execute-api:Invoke', resource: `arn:aws:execute-api:us-east-1:${A}:a1b2c3/prod/POST/orders` }],
    denied: [{ action: 'execute-api:Invoke', resource: `arn:aws:execute-api:us-east-1:${A}:a1b2c3/prod/DELETE/orders` }],
  },
  {
    name: 'Activities only: no permission, the console template denies everything',
    definition: { Work: task('arn:aws:states:us-east-1:123456789012:activity:review', { HeartbeatSeconds: 60 }) },
    statements: [{ Sid: 'NoServiceCallsDenyAll', Effect: 'Deny', Action: ['*'], Resource: ['*'] }],
    allowed: [],
    denied: [{ action: 'lambda:InvokeFunction', resource: `arn:aws:lambda:${R}:${A}:function:any` }],
  },
  {
    name: 'Distributed Map: child executions, S3 listing item reader with prefix, S3 result writer',
    definition: {
      Fan: {
        Type: 'Map', End: true, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } },
        ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'input-bucket', Prefix: 'incoming/' } },
        ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'output-bucket', Prefix: 'runs' } },
      },
    },
    statements: [
      allow('ListDistributedMapItems', ['s3:ListBucket'], ['arn:aws:s3:::input-bucket'], { StringLike: { 's3:prefix': ['incoming/*'] } }),
      allow('WriteDistributedMapResults', ['s3:PutObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'], ['arn:aws:s3:::output-bucket/runs*']),
      allow('StartDistributedMapChildExecutions', ['states:StartExecution'], [`arn:aws:states:${R}:${A}:stateMachine:MyMachine`]),
      allow('ManageDistributedMapChildExecutions', ['states:DescribeExecution', 'states:StopExecution', 'states:RedriveExecution'], [`arn:aws:states:${R}:${A}:execution:MyMachine/*`]),
    ],
    allowed: [
      { action: 's3:ListBucket', resource: 'arn:aws:s3:::input-bucket', context: { 's3:prefix': 'incoming/2024/' } },
      { action: 's3:PutObject', resource: 'arn:aws:s3:::output-bucket/runs/abc/SUCCEEDED_0.json' },
      { action: 'states:DescribeExecution', resource: `arn:aws:states:${R}:${A}:execution:MyMachine/Fan:4f1d` },
    ],
    denied: [
      { action: 's3:ListBucket', resource: 'arn:aws:s3:::input-bucket', context: { 's3:prefix': 'private/' } },
      { action: 's3:PutObject', resource: 'arn:aws:s3:::input-bucket/runs/abc.json' },
      { action: 'states:StopExecution', resource: `arn:aws:states:${R}:${A}:execution:OtherMachine/Fan:4f1d` },
    ],
  },
  {
    name: 'AWS SDK: service and action mapping with resource ARNs (ssm, secretsmanager, s3, dynamodb, kms, sfn, logs)',
    definition: {
      Param: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:ssm:getParameter', Parameters: { Name: '/prod/db/url' }, Next: 'Secret' },
      Secret: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:secretsmanager:getSecretValue', Parameters: { SecretId: 'prod/api' }, Next: 'Get' },
      Get: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:getObject', Parameters: { Bucket: 'docs', Key: 'in/a.txt' }, Next: 'Put' },
      Put: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:putObject', Parameters: { Bucket: 'docs', 'Key.$': "States.Format('out/{}.txt', $.id)", Body: 'x' }, Next: 'Query' },
      Query: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:dynamodb:query', Parameters: { TableName: 'Orders', IndexName: 'byCustomer' }, Next: 'Decrypt' },
      Decrypt: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:kms:decrypt', Parameters: { KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab', 'CiphertextBlob.$': '$.blob' }, Next: 'Start' },
      Start: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:sfn:startExecution', Parameters: { StateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:cleanup' }, Next: 'Logs' },
      Logs: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:cloudwatchlogs:getLogEvents', Parameters: { LogGroupName: '/app', LogStreamName: 'main' }, Next: 'Buckets' },
      Buckets: task('arn:aws:states:::aws-sdk:s3:listBuckets', { Parameters: {} }),
    },
    statements: [
      allow('SdkSsmGetParameter', ['ssm:GetParameter'], [`arn:aws:ssm:${R}:${A}:parameter/prod/db/url`]),
      allow('SdkSecretsmanagerGetSecretValue', ['secretsmanager:GetSecretValue'], [`arn:aws:secretsmanager:${R}:${A}:secret:prod/api-??????`]),
      allow('SdkS3GetObject', ['s3:GetObject'], ['arn:aws:s3:::docs/in/a.txt']),
      allow('SdkS3PutObject', ['s3:PutObject'], ['arn:aws:s3:::docs/out/*.txt']),
      allow('SdkDynamodbQuery', ['dynamodb:Query'], [`arn:aws:dynamodb:${R}:${A}:table/Orders/index/byCustomer`]),
      allow('SdkKmsDecrypt', ['kms:Decrypt'], [`arn:aws:kms:${R}:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`]),
      allow('SdkStatesStartExecution', ['states:StartExecution'], ['arn:aws:states:us-east-1:123456789012:stateMachine:cleanup']),
      allow('SdkLogsGetLogEvents', ['logs:GetLogEvents'], [`arn:aws:logs:${R}:${A}:log-group:/app:log-stream:main`]),
      allow('SdkS3ListBucketsNoResourceLevelPermissions', ['s3:ListAllMyBuckets'], ['*']),
    ],
    allowed: [
      { action: 'ssm:GetParameter', resource: `arn:aws:ssm:${R}:${A}:parameter/prod/db/url` },
      { action: 'secretsmanager:GetSecretValue', resource: `arn:aws:secretsmanager:${R}:${A}:secret:prod/api-AbCdEf` },
      { action: 's3:PutObject', resource: 'arn:aws:s3:::docs/out/42.txt' },
      { action: 'dynamodb:Query', resource: `arn:aws:dynamodb:${R}:${A}:table/Orders/index/byCustomer` },
      { action: 'kms:Decrypt', resource: `arn:aws:kms:${R}:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab` },
      { action: 'logs:GetLogEvents', resource: `arn:aws:logs:${R}:${A}:log-group:/app:log-stream:main` },
    ],
    denied: [
      { action: 'ssm:GetParameter', resource: `arn:aws:ssm:${R}:${A}:parameter/prod/db/password` },
      { action: 'secretsmanager:GetSecretValue', resource: `arn:aws:secretsmanager:${R}:${A}:secret:prod/api-admin-AbCdEf` },
      { action: 's3:PutObject', resource: 'arn:aws:s3:::docs/in/a.txt' },
      { action: 'dynamodb:Query', resource: `arn:aws:dynamodb:${R}:${A}:table/Orders` },
      { action: 'kms:Decrypt', resource: `arn:aws:kms:${R}:${A}:key/ffffffff-12ab-34cd-56ef-1234567890ab` },
    ],
  },
  {
    name: 'Task Credentials: the execution role assumes the task role; a fixed role in a run-time account',
    definition: {
      Fixed: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { TopicArn: 'arn:aws:sns:us-east-1:210987654321:alerts' }, Credentials: { RoleArn: 'arn:aws:iam::210987654321:role/Publisher' }, Next: 'PerAccount' },
      PerAccount: task('arn:aws:states:::aws-sdk:s3:listBuckets', { Parameters: {}, Credentials: { 'RoleArn.$': "States.Format('arn:aws:iam::{}:role/Audit', $.accountId)" } }),
    },
    statements: [allow('AssumeTaskRoles', ['sts:AssumeRole'], ['arn:aws:iam::210987654321:role/Publisher', 'arn:aws:iam::*:role/Audit'])],
    allowed: [{ action: 'sts:AssumeRole', resource: 'arn:aws:iam::210987654321:role/Publisher' }, { action: 'sts:AssumeRole', resource: 'arn:aws:iam::555555555555:role/Audit' }],
    denied: [{ action: 'sts:AssumeRole', resource: 'arn:aws:iam::210987654321:role/Admin' }, { action: 'sns:Publish', resource: 'arn:aws:sns:us-east-1:210987654321:alerts' }],
  },
  {
    name: 'JSONata: a constant expression is a literal; a run-time name keeps its literal prefix',
    definition: {
      QueryLanguage: 'JSONata', StartAt: 'Child',
      States: {
        Child: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution', Arguments: { StateMachineArn: "{% 'arn:aws:states:us-east-1:123456789012:stateMachine:child-flow' %}" }, Next: 'Pick' },
        Pick: task('arn:aws:states:::lambda:invoke', { Arguments: { FunctionName: "{% 'orders-' & $states.input.region %}" } }),
      },
    },
    statements: [
      allow('StartNestedExecutions', ['states:StartExecution'], ['arn:aws:states:us-east-1:123456789012:stateMachine:child-flow']),
      allow('InvokeLambdaFunctions', ['lambda:InvokeFunction'], [`arn:aws:lambda:${R}:${A}:function:orders-*`]),
    ],
    allowed: [{ action: 'lambda:InvokeFunction', resource: `arn:aws:lambda:${R}:${A}:function:orders-eu` }],
    denied: [{ action: 'lambda:InvokeFunction', resource: `arn:aws:lambda:${R}:${A}:function:billing-eu` }, { action: 'states:StartExecution', resource: 'arn:aws:states:us-east-1:123456789012:stateMachine:child-flow-2' }],
  },
  {
    name: 'Logging and tracing statements on request',
    definition: { Noop: task('arn:aws:states:::sqs:sendMessage', { Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/123456789012/q' } }) },
    options: { includeLogging: true, includeTracing: true },
    statements: [
      allow('SendSqsMessages', ['sqs:SendMessage'], ['arn:aws:sqs:us-east-1:123456789012:q']),
      allow('CloudWatchLogsDeliveryNoResourceLevelPermissions', ['logs:CreateLogDelivery', 'logs:GetLogDelivery', 'logs:UpdateLogDelivery', 'logs:DeleteLogDelivery', 'logs:ListLogDeliveries', 'logs:PutResourcePolicy', 'logs:DescribeResourcePolicies', 'logs:DescribeLogGroups'], ['*']),
      allow('XRayTracingNoResourceLevelPermissions', ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'], ['*']),
    ],
    allowed: [{ action: 'xray:PutTraceSegments', resource: '*' }, { action: 'logs:CreateLogDelivery', resource: '*' }],
    denied: [{ action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:123456789012:q2' }],
  },
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
