// The integration table: for each Step Functions Task resource, the IAM actions it needs per
// integration pattern, which parameters name the resource, and how the ARN is built. The policy
// generator, the IAM rules (IAM001/IAM002) and the CodeLens all read this one table.
// Source: AWS Step Functions developer guide, "IAM policies for integrated services" pages.
import type { IntegrationPattern, TaskResource } from '../model/types';
import { arnIn, bucketArn, runtimeBucket, executionsOf, isArnValue, lambdaArn, nameOrArn, normalizeArn, objectsIn, s3UriArn, selfArn, SELF_NAME, splitArn, sqsArn, stateMachineArn } from './arn';
import type { ArnEnv, Grant, Integration, ResourceParam, Sibling } from './types';
import { sdkIntegration } from './sdk-actions';

const ALL: IntegrationPattern[] = ['request-response', 'sync', 'sync:2', 'waitForTaskToken'];
const RR_WAIT: IntegrationPattern[] = ['request-response', 'waitForTaskToken'];
const RR_SYNC: IntegrationPattern[] = ['request-response', 'sync'];
const RR_SYNC_WAIT: IntegrationPattern[] = ['request-response', 'sync', 'waitForTaskToken'];

/** The managed EventBridge rule a `.sync` integration uses to learn that the job finished. */
export function managedRule(sid: string, rule: string): Grant {
  return { sid, actions: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'], resources: (_r, env) => [arnIn(env, 'events', `rule/${rule}`)] };
}

const lambdaParam: ResourceParam = { path: 'FunctionName', noun: 'Lambda function', arn: lambdaArn };

const ecsTaskDefinition = (v: string, env: ArnEnv) => {
  if (isArnValue(v)) return /:\d+$|\*$/.test(v) || v.startsWith('$') ? normalizeArn(v) : `${normalizeArn(v)}:*`;
  return arnIn(env, 'ecs', `task-definition/${/:\d+$|\*$/.test(v) ? v : `${v}:*`}`);
};
const batchJobDefinition = (v: string, env: ArnEnv) => {
  if (isArnValue(v)) return /:\d+$|\*$/.test(v) || v.startsWith('$') ? normalizeArn(v) : `${normalizeArn(v)}:*`;
  return arnIn(env, 'batch', `job-definition/${/:\d+$|\*$/.test(v) ? v : `${v}:*`}`);
};
const bedrockModel = (v: string, env: ArnEnv) => {
  if (isArnValue(v)) return normalizeArn(v);
  if (/^(us|eu|apac|us-gov|global|jp|au|ca)\./.test(v)) return arnIn(env, 'bedrock', `inference-profile/${v}`);
  return `arn:${env.partition}:bedrock:${env.region}::foundation-model/${v}`;
};
const connectionSecret = (connection: string): string => {
  const p = splitArn(connection);
  const name = p ? p.resource.split('/')[1] ?? '*' : '*';
  return p ? `arn:${p.partition}:secretsmanager:${p.region}:${p.account}:secret:events!connection/${name}/*` : connection;
};
const executeApi = (endpoint: string, env: ArnEnv, sibling: Sibling) => {
  const host = /^(?:https:\/\/)?([^./]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com/.exec(endpoint);
  const path = (sibling('Path') ?? '').replace(/^\/+/, '');
  const resource = `${host ? host[1] : '*'}/${sibling('Stage') ?? '*'}/${sibling('Method') ?? '*'}/${path}`;
  return `arn:${env.partition}:execute-api:${host ? host[2] : env.region}:${env.account}:${resource}`;
};

/** Where an HTTP Task names its EventBridge connection (`InvocationConfig` for private APIs). */
const CONNECTIONS = ['Authentication.ConnectionArn', 'InvocationConfig.ConnectionArn'];

const ecsCluster: ResourceParam = { path: 'Cluster', noun: 'ECS cluster', arn: nameOrArn('ecs', 'cluster/'), fallback: 'default' };
/** `arn:...:cluster/prod` -> `arn:...:task/prod/*` (the tasks of that cluster). */
const tasksOf = (cluster: string) => (/:cluster\/[^/]+$/.test(cluster) ? `${cluster.replace(/:cluster\//, ':task/')}/*` : cluster.replace(/:[^:]*$/, ':task/*'));
const passedRole = (path: string): ResourceParam => ({ path, noun: 'IAM role passed to the task', arn: nameOrArn('iam', 'role/', 'account') });

/** Optimized integrations, HTTP Task, direct Lambda ARNs and activities. */
export const INTEGRATIONS: readonly Integration[] = [
  {
    id: 'lambda:function', title: 'Lambda function (direct ARN)', kinds: ['lambda-function'], patterns: ['request-response'],
    params: [{ path: '@Resource', noun: 'Lambda function', arn: (v) => normalizeArn(v) }],
    grants: () => [{ sid: 'InvokeLambdaFunctions', actions: ['lambda:InvokeFunction'], resources: (r) => r('@Resource') }],
  },
  {
    id: 'lambda:invoke', title: 'Lambda invoke', kinds: ['optimized'], service: 'lambda', actions: ['invoke'], patterns: RR_WAIT,
    params: [lambdaParam, { path: 'Qualifier', noun: 'Lambda version or alias', arn: (v) => v, notReported: true }],
    grants: () => [{ sid: 'InvokeLambdaFunctions', actions: ['lambda:InvokeFunction'], resources: (r) => r('FunctionName') }],
  },
  {
    id: 'sns:publish', title: 'SNS publish', kinds: ['optimized'], service: 'sns', actions: ['publish'], patterns: RR_WAIT,
    params: [{ path: 'TopicArn', noun: 'SNS topic', arn: nameOrArn('sns', '') }, { path: 'TargetArn', noun: 'SNS target', arn: (v, env) => nameOrArn('sns', '')(v, env) }],
    grants: (t) => [
      ...(t.has('TopicArn') || t.has('TargetArn') ? [{ sid: 'PublishToSnsTopics', actions: ['sns:Publish'], resources: (r) => [...r('TopicArn'), ...r('TargetArn')] } as Grant] : []),
      ...(t.has('PhoneNumber') ? [{ sid: 'PublishSmsNoResourceLevelScope', actions: ['sns:Publish'], resources: () => ['*'], starReason: 'SMS to a phone number has no topic ARN to scope to' } as Grant] : []),
    ],
  },
  {
    id: 'sqs:sendMessage', title: 'SQS send message', kinds: ['optimized'], service: 'sqs', actions: ['sendMessage'], patterns: RR_WAIT,
    params: [{ path: 'QueueUrl', noun: 'SQS queue', arn: sqsArn }],
    grants: () => [{ sid: 'SendSqsMessages', actions: ['sqs:SendMessage'], resources: (r) => r('QueueUrl') }],
    advice: 'A queue encrypted with a customer managed KMS key also needs kms:GenerateDataKey and kms:Decrypt on that key.',
  },
  ...(['getItem', 'putItem', 'updateItem', 'deleteItem'] as const).map((action): Integration => {
    const iam = `dynamodb:${action[0].toUpperCase()}${action.slice(1)}`;
    return {
      id: `dynamodb:${action}`, title: `DynamoDB ${action}`, kinds: ['optimized'], service: 'dynamodb', actions: [action], patterns: ['request-response'],
      params: [{ path: 'TableName', noun: 'DynamoDB table', arn: nameOrArn('dynamodb', 'table/') }],
      grants: () => [{ sid: `DynamoDb${iam.split(':')[1]}`, actions: [iam], resources: (r) => r('TableName') }],
    };
  }),
  {
    id: 'ecs:runTask', title: 'ECS/Fargate run task', kinds: ['optimized'], service: 'ecs', actions: ['runTask'], patterns: RR_SYNC_WAIT,
    params: [{ path: 'TaskDefinition', noun: 'ECS task definition', arn: ecsTaskDefinition }, ecsCluster, passedRole('Overrides.TaskRoleArn'), passedRole('Overrides.ExecutionRoleArn')],
    grants: (t) => [
      { sid: 'RunEcsTasks', actions: ['ecs:RunTask'], resources: (r) => r('TaskDefinition') },
      {
        sid: 'PassRolesToEcsTasks', actions: ['iam:PassRole'], resources: (_r, env) => [`arn:${env.partition}:iam::${env.account}:role/*`],
        conditions: [{ operator: 'StringEquals', key: 'iam:PassedToService', values: ['ecs-tasks.amazonaws.com'] }],
      },
      ...(t.pattern === 'sync'
        ? [{ sid: 'StopAndDescribeEcsTasks', actions: ['ecs:StopTask', 'ecs:DescribeTasks'], resources: (r) => r('Cluster', tasksOf) } as Grant, managedRule('EcsSyncManagedEventRule', 'StepFunctionsGetEventsForECSTaskRule')]
        : []),
    ],
    advice: 'iam:PassRole is limited to roles passed to ECS tasks; narrow it to the task definition\'s task and execution roles.',
  },
  {
    id: 'batch:submitJob', title: 'Batch submit job', kinds: ['optimized'], service: 'batch', actions: ['submitJob'], patterns: RR_SYNC_WAIT,
    params: [{ path: 'JobDefinition', noun: 'Batch job definition', arn: batchJobDefinition }, { path: 'JobQueue', noun: 'Batch job queue', arn: nameOrArn('batch', 'job-queue/') }],
    grants: (t) => [
      { sid: 'SubmitBatchJobs', actions: ['batch:SubmitJob'], resources: (r) => [...r('JobDefinition'), ...r('JobQueue')] },
      ...(t.pattern === 'sync'
        ? [
            { sid: 'DescribeBatchJobsNoResourceLevelPermissions', actions: ['batch:DescribeJobs'], resources: () => ['*'], starReason: 'batch:DescribeJobs does not support resource-level permissions' } as Grant,
            { sid: 'TerminateBatchJobs', actions: ['batch:TerminateJob'], resources: (_r, env) => [arnIn(env, 'batch', 'job/*')] } as Grant,
            managedRule('BatchSyncManagedEventRule', 'StepFunctionsGetEventsForBatchJobsRule'),
          ]
        : []),
    ],
  },
  {
    id: 'glue:startJobRun', title: 'Glue start job run', kinds: ['optimized'], service: 'glue', actions: ['startJobRun'], patterns: RR_SYNC_WAIT,
    params: [{ path: 'JobName', noun: 'Glue job', arn: nameOrArn('glue', 'job/') }],
    grants: (t) => [{ sid: t.pattern === 'sync' ? 'RunGlueJobsAndWait' : 'StartGlueJobRuns', actions: t.pattern === 'sync' ? ['glue:StartJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun'] : ['glue:StartJobRun'], resources: (r) => r('JobName') }],
  },
  {
    id: 'codebuild:startBuild', title: 'CodeBuild start build', kinds: ['optimized'], service: 'codebuild', actions: ['startBuild'], patterns: RR_SYNC,
    params: [{ path: 'ProjectName', noun: 'CodeBuild project', arn: nameOrArn('codebuild', 'project/') }],
    grants: (t) => [
      { sid: t.pattern === 'sync' ? 'RunCodeBuildBuildsAndWait' : 'StartCodeBuildBuilds', actions: t.pattern === 'sync' ? ['codebuild:StartBuild', 'codebuild:StopBuild', 'codebuild:BatchGetBuilds'] : ['codebuild:StartBuild'], resources: (r) => r('ProjectName') },
      ...(t.pattern === 'sync' ? [managedRule('CodeBuildSyncManagedEventRule', 'StepFunctionsGetEventForCodeBuildStartBuildRule')] : []),
    ],
  },
  {
    id: 'athena:startQueryExecution', title: 'Athena start query', kinds: ['optimized'], service: 'athena', actions: ['startQueryExecution'], patterns: RR_SYNC,
    params: [
      { path: 'WorkGroup', noun: 'Athena workgroup', arn: nameOrArn('athena', 'workgroup/'), fallback: 'primary' },
      { path: 'QueryExecutionContext.Catalog', noun: 'Athena data catalog', arn: nameOrArn('athena', 'datacatalog/'), fallback: 'AwsDataCatalog' },
      { path: 'ResultConfiguration.OutputLocation', noun: 'S3 query results location', arn: s3UriArn, reportIf: runtimeBucket },
    ],
    grants: (t) => [
      { sid: t.pattern === 'sync' ? 'RunAthenaQueriesAndWait' : 'StartAthenaQueries', actions: t.pattern === 'sync' ? ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:StopQueryExecution'] : ['athena:StartQueryExecution'], resources: (r) => r('WorkGroup') },
      { sid: 'ReadAthenaDataCatalog', actions: ['athena:GetDataCatalog'], resources: (r) => r('QueryExecutionContext.Catalog') },
      ...(t.has('ResultConfiguration.OutputLocation') ? [{ sid: 'WriteAthenaQueryResults', actions: ['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'], resources: (r) => r('ResultConfiguration.OutputLocation', (a) => (a.endsWith('*') ? a : `${a.replace(/\/$/, '')}/*`)) } as Grant] : []),
    ],
    advice: 'Athena also reads the queried data in S3 and the Glue Data Catalog tables; the definition does not name them, so add those statements by hand.',
  },
  ...(['getQueryExecution', 'getQueryResults', 'stopQueryExecution'] as const).map((action): Integration => ({
    id: `athena:${action}`, title: `Athena ${action}`, kinds: ['optimized'], service: 'athena', actions: [action], patterns: ['request-response'], params: [],
    grants: () => [{ sid: `Athena${action[0].toUpperCase()}${action.slice(1)}`, actions: [`athena:${action[0].toUpperCase()}${action.slice(1)}`], resources: (_r, env) => [arnIn(env, 'athena', 'workgroup/*')] }],
    advice: 'The query execution id does not say its workgroup: narrow workgroup/* to the workgroup you use (getQueryResults also reads the results from S3).',
  })),
  {
    id: 'events:putEvents', title: 'EventBridge put events', kinds: ['optimized'], service: 'events', actions: ['putEvents'], patterns: RR_WAIT,
    params: [{ path: 'Entries[].EventBusName', noun: 'EventBridge event bus', arn: nameOrArn('events', 'event-bus/'), fallback: 'default' }],
    grants: () => [{ sid: 'PutEventsOnEventBuses', actions: ['events:PutEvents'], resources: (r) => r('Entries[].EventBusName') }],
  },
  {
    id: 'states:startExecution', title: 'Step Functions start execution', kinds: ['optimized'], service: 'states', actions: ['startExecution'], patterns: ALL,
    params: [{ path: 'StateMachineArn', noun: 'state machine', arn: stateMachineArn }],
    grants: (t) => [
      { sid: 'StartNestedExecutions', actions: ['states:StartExecution'], resources: (r) => r('StateMachineArn') },
      ...(t.pattern === 'sync' || t.pattern === 'sync:2'
        ? [{ sid: 'DescribeAndStopNestedExecutions', actions: ['states:DescribeExecution', 'states:StopExecution'], resources: (r) => r('StateMachineArn', executionsOf) } as Grant, managedRule('NestedExecutionsManagedEventRule', 'StepFunctionsGetEventsForStepFunctionsExecutionRule')]
        : []),
    ],
  },
  {
    id: 'http:invoke', title: 'HTTP Task', kinds: ['http'], patterns: RR_WAIT,
    params: [
      { path: 'Authentication.ConnectionArn', noun: 'EventBridge connection', arn: (v) => normalizeArn(v) },
      { path: 'InvocationConfig.ConnectionArn', noun: 'EventBridge connection', arn: (v) => normalizeArn(v) },
    ],
    grants: (t) => {
      const method = t.literal('Method');
      const endpoint = t.shape('ApiEndpoint');
      return [
        {
          sid: 'InvokeHttpEndpointsScopedByConditions', actions: ['states:InvokeHTTPEndpoint'], resources: () => ['*'], starReason: 'states:InvokeHTTPEndpoint does not support resource-level permissions; the conditions limit the method and endpoint',
          conditions: [
            ...(method ? [{ operator: 'StringEquals', key: 'states:HTTPMethod', values: [method] }] : []),
            ...(endpoint && endpoint !== '*' ? [{ operator: 'StringLike', key: 'states:HTTPEndpoint', values: [endpoint] }] : []),
          ],
        },
        { sid: 'RetrieveConnectionCredentials', actions: ['events:RetrieveConnectionCredentials'], resources: (r) => CONNECTIONS.flatMap((p) => r(p)) },
        { sid: 'ReadConnectionSecrets', actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], resources: (r) => CONNECTIONS.flatMap((p) => r(p, connectionSecret)) },
      ];
    },
  },
  {
    id: 'bedrock:invokeModel', title: 'Bedrock invoke model', kinds: ['optimized'], service: 'bedrock', actions: ['invokeModel'], patterns: ['request-response'],
    params: [
      { path: 'ModelId', noun: 'Bedrock model', arn: bedrockModel },
      { path: 'Input.S3Uri', noun: 'S3 input object', arn: s3UriArn, reportIf: runtimeBucket },
      { path: 'Output.S3Uri', noun: 'S3 output object', arn: s3UriArn, reportIf: runtimeBucket },
      { path: 'GuardrailIdentifier', noun: 'Bedrock guardrail', arn: nameOrArn('bedrock', 'guardrail/') },
    ],
    grants: (t) => [
      { sid: 'InvokeBedrockModels', actions: ['bedrock:InvokeModel'], resources: (r) => r('ModelId') },
      ...(t.has('Input.S3Uri') ? [{ sid: 'ReadBedrockInputFromS3', actions: ['s3:GetObject'], resources: (r) => r('Input.S3Uri') } as Grant] : []),
      ...(t.has('Output.S3Uri') ? [{ sid: 'WriteBedrockOutputToS3', actions: ['s3:PutObject'], resources: (r) => r('Output.S3Uri') } as Grant] : []),
      ...(t.has('GuardrailIdentifier') ? [{ sid: 'ApplyBedrockGuardrails', actions: ['bedrock:ApplyGuardrail'], resources: (r) => r('GuardrailIdentifier') } as Grant] : []),
    ],
  },
  {
    id: 'apigateway:invoke', title: 'API Gateway invoke', kinds: ['optimized'], service: 'apigateway', actions: ['invoke'], patterns: RR_WAIT,
    params: [
      { path: 'ApiEndpoint', noun: 'API Gateway API', arn: executeApi },
      { path: 'Stage', noun: 'API stage', arn: (v) => v, notReported: true },
      { path: 'Method', noun: 'HTTP method', arn: (v) => v, notReported: true },
      { path: 'Path', noun: 'API path', arn: (v) => v, notReported: true },
    ],
    grants: (t) => (t.literal('AuthType') === 'IAM_ROLE' ? [{ sid: 'InvokeApiGatewayApis', actions: ['execute-api:Invoke'], resources: (r) => r('ApiEndpoint') }] : []),
    advice: 'Only AuthType IAM_ROLE needs execute-api:Invoke in the execution role; NO_AUTH and RESOURCE_POLICY are authorized by the API.',
  },
  {
    id: 'activity', title: 'Activity', kinds: ['activity'], patterns: ['waitForTaskToken'], params: [], grants: () => [],
    advice: 'Activity tasks need no permission in the execution role; the workers need states:GetActivityTask and states:SendTask* on the activity in their own role.',
  },
];

/** Distributed Map: its child executions, its S3 item reader and its S3 result writer. */
export const DISTRIBUTED_MAP: Integration = {
  id: 'map:distributed', title: 'Distributed Map', kinds: [], patterns: ['request-response'], params: [],
  grants: () => [
    { sid: 'StartDistributedMapChildExecutions', actions: ['states:StartExecution'], resources: (_r, env) => [selfArn(env)] },
    { sid: 'ManageDistributedMapChildExecutions', actions: ['states:DescribeExecution', 'states:StopExecution', 'states:RedriveExecution'], resources: (_r, env) => [arnIn(env, 'states', `execution:${SELF_NAME}/*`)] },
  ],
};

/** `ItemReader` resources of a Distributed Map. */
export const ITEM_READERS: readonly Integration[] = [
  {
    id: 'map:itemReader:s3:getObject', title: 'Distributed Map S3 item reader (object)', kinds: ['optimized'], service: 's3', actions: ['getObject'], patterns: ['request-response'],
    params: [{ path: 'Bucket', noun: 'S3 bucket', arn: (v, env, sib) => `${bucketArn(v, env)}/${(sib('Key') ?? '*').replace(/^\/+/, '')}` }],
    grants: () => [{ sid: 'ReadDistributedMapItems', actions: ['s3:GetObject'], resources: (r) => r('Bucket') }],
    advice: 'A MANIFEST item reader also reads the objects the manifest lists: add s3:GetObject on them by hand.',
  },
  {
    id: 'map:itemReader:s3:listObjectsV2', title: 'Distributed Map S3 item reader (listing)', kinds: ['optimized'], service: 's3', actions: ['listObjectsV2'], patterns: ['request-response'],
    params: [{ path: 'Bucket', noun: 'S3 bucket', arn: bucketArn }],
    grants: (t) => {
      const prefix = t.shape('Prefix');
      return [{ sid: 'ListDistributedMapItems', actions: ['s3:ListBucket'], resources: (r) => r('Bucket'), conditions: prefix && prefix !== '*' ? [{ operator: 'StringLike', key: 's3:prefix', values: [prefix.endsWith('*') ? prefix : `${prefix}*`] }] : [] }];
    },
  },
];

/** `ResultWriter` resources of a Distributed Map. */
export const RESULT_WRITERS: readonly Integration[] = [
  {
    id: 'map:resultWriter:s3:putObject', title: 'Distributed Map S3 result writer', kinds: ['optimized'], service: 's3', actions: ['putObject'], patterns: ['request-response'],
    params: [{ path: 'Bucket', noun: 'S3 bucket', arn: (v, env, sib) => objectsIn(bucketArn(v, env), sib('Prefix')) }],
    grants: () => [{ sid: 'WriteDistributedMapResults', actions: ['s3:PutObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'], resources: (r) => r('Bucket') }],
  },
];

/**
 * A Task whose whole Resource is a deploy-time placeholder that names a function
 * (`${ProcessFunctionArn}`, `${lambdaArn}`): taken to be a direct Lambda function ARN.
 */
export const PLACEHOLDER_FUNCTION: Integration = {
  id: 'lambda:function-placeholder', title: 'Lambda function (deploy-time placeholder)', kinds: ['placeholder'], patterns: ['request-response'],
  params: [{ path: '@Resource', noun: 'Lambda function', arn: (v) => v }],
  grants: () => [{ sid: 'InvokeLambdaFunctions', actions: ['lambda:InvokeFunction'], resources: (r) => r('@Resource') }],
  advice: 'A Task Resource that is a deploy-time placeholder named like a function is taken to be a Lambda function ARN; check the substitution.',
};

/** The table row for a Task resource, or undefined when the integration is not in the table. */
export function findIntegration(resource: TaskResource): Integration | undefined {
  if (resource.kind === 'placeholder') {
    const name = /^\$\{([^}]*)\}$/.exec(resource.raw.trim())?.[1] ?? '';
    return /(lambda|function|fn)/i.test(name) && !/(dynamo|ddb|sns|sqs|activity|statemachine|queue|topic|table)/i.test(name) ? PLACEHOLDER_FUNCTION : undefined;
  }
  if (resource.kind === 'aws-sdk' && resource.service && resource.action) return sdkIntegration(resource.service, resource.action);
  return INTEGRATIONS.find((i) => i.kinds.includes(resource.kind) && (!i.service || i.service === resource.service) && (!i.actions || i.actions.includes(resource.action ?? '')));
}

/** The row for a Map `ItemReader` or `ResultWriter` resource. */
export function findMapIntegration(resource: TaskResource, field: 'ItemReader' | 'ResultWriter'): Integration | undefined {
  return (field === 'ItemReader' ? ITEM_READERS : RESULT_WRITERS).find((i) => i.service === resource.service && i.actions?.includes(resource.action ?? ''));
}
