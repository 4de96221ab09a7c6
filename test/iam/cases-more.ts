// More integration-group cases (see cases.ts): nested executions, HTTP Task, Bedrock, API Gateway,
// activities, Distributed Map, AWS SDK calls, task credentials, JSONata, logging and tracing.
import { A, R, allow, rule, task, type IamCase } from './case-kit';

export const MORE_CASES: IamCase[] = [
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
