"""Seeds a fresh moto_server for AWSKit's tests, then turns signature checking on.

Usage: seed.py ENDPOINT  -> prints one JSON object (keys and expected names) on stdout.
Only talks to the ENDPOINT given (127.0.0.1). Runs before auth is on, so moto's default
credentials work; afterwards only the IAM users' keys created here are accepted.
"""
import json
import sys
import urllib.request

import boto3

ep = sys.argv[1]
assert ep.startswith("http://127.0.0.1:"), ep
REGION = "us-east-1"
ACCOUNT = "123456789012"
kw = dict(endpoint_url=ep, region_name=REGION, aws_access_key_id="AKIAIOSFODNN7EXAMPLE", aws_secret_access_key="seed")
c = lambda name: boto3.client(name, **kw)

LISTING = [
    "ecr:DescribeRepositories", "logs:DescribeLogGroups", "secretsmanager:ListSecrets",
    "ssm:DescribeParameters", "kms:ListKeys", "kms:ListAliases", "kms:DescribeKey",
    "ecs:ListTaskDefinitionFamilies", "ecs:DescribeTaskDefinition", "iam:GetRole", "iam:ListRolePolicies",
    "iam:GetRolePolicy", "iam:ListAttachedRolePolicies", "iam:GetPolicy", "iam:GetPolicyVersion",
    "iam:ListRoles", "sts:GetCallerIdentity",
]

def policy(actions):
    return json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}]})

iam = c("iam")
out = {"account": ACCOUNT, "region": REGION}

def user(name, actions):
    iam.create_user(UserName=name)
    iam.put_user_policy(UserName=name, PolicyName=name + "-policy", PolicyDocument=policy(actions))
    k = iam.create_access_key(UserName=name)["AccessKey"]
    out[name] = {"accessKeyId": k["AccessKeyId"], "secretAccessKey": k["SecretAccessKey"],
                 "arn": f"arn:aws:iam::{ACCOUNT}:user/{name}"}

user("admin", "*")
user("lister", LISTING)
# Only for the source_profile + role_arn tests: the lister may assume ecsrole-assumable.
iam.put_user_policy(UserName="lister", PolicyName="assume", PolicyDocument=policy("sts:AssumeRole"))
user("nosecrets", [a for a in LISTING if a != "secretsmanager:ListSecrets"])

# KMS keys with aliases.
kms = c("kms")
k1 = kms.create_key(Description="app key")["KeyMetadata"]
k2 = kms.create_key(Description="logs key")["KeyMetadata"]
kms.create_alias(AliasName="alias/app-key", TargetKeyId=k1["KeyId"])
kms.create_alias(AliasName="alias/logs-key", TargetKeyId=k2["KeyId"])
kms.create_alias(AliasName="alias/app-key-2", TargetKeyId=k1["KeyId"])
out["keys"] = {"app": {"keyId": k1["KeyId"], "arn": k1["Arn"]}, "logs": {"keyId": k2["KeyId"], "arn": k2["Arn"]}}

ecr = c("ecr")
ecr.create_repository(repositoryName="web", encryptionConfiguration={"encryptionType": "KMS", "kmsKey": k1["Arn"]})
ecr.create_repository(repositoryName="api", encryptionConfiguration={"encryptionType": "AES256"})
ecr.create_repository(repositoryName="team/worker")
out["repositories"] = ["api", "team/worker", "web"]

logs = c("logs")
logs.create_log_group(logGroupName="/ecs/web", kmsKeyId=k2["Arn"])
groups = ["/ecs/web"] + [f"/ecs/svc-{i}" for i in range(5)]
for g in groups[1:]:
    logs.create_log_group(logGroupName=g)
out["logGroups"] = sorted(groups)

sm = c("secretsmanager")
secrets = {}
r = sm.create_secret(Name="prod/db", SecretString="do-not-read-1", KmsKeyId=k1["Arn"])
secrets["prod/db"] = r["ARN"]
for i in range(5):
    name = f"prod/api-key-{i}"
    secrets[name] = sm.create_secret(Name=name, SecretString="do-not-read")["ARN"]
out["secrets"] = secrets

ssm = c("ssm")
ssm.put_parameter(Name="/app/db/host", Value="db", Type="String")
ssm.put_parameter(Name="/app/db/password", Value="do-not-read", Type="SecureString", KeyId=k1["KeyId"])
ssm.put_parameter(Name="plain-name", Value="x", Type="String")
ssm.put_parameter(Name="/app/list", Value="a,b", Type="StringList")
ssm.put_parameter(Name="secure-default", Value="do-not-read", Type="SecureString")
out["parameters"] = ["/app/db/host", "/app/db/password", "/app/list", "plain-name", "secure-default"]

trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
         "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT}}}]}
iam.create_role(RoleName="app-exec-role", AssumeRolePolicyDocument=json.dumps(trust))
inline = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
          "Resource": secrets["prod/db"]}]}
iam.put_role_policy(RoleName="app-exec-role", PolicyName="secrets", PolicyDocument=json.dumps(inline))
managed = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
           "Resource": "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web:*"}]}
pol = iam.create_policy(PolicyName="exec-logs", PolicyDocument=json.dumps(managed))["Policy"]
# A second version becomes the default: the fetcher must return the default, not v1.
managed2 = dict(managed, Statement=managed["Statement"] + [{"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}])
iam.create_policy_version(PolicyArn=pol["Arn"], PolicyDocument=json.dumps(managed2), SetAsDefault=True)
iam.attach_role_policy(RoleName="app-exec-role", PolicyArn=pol["Arn"])
out["role"] = {"name": "app-exec-role", "trust": trust, "inline": {"secrets": inline}, "attached": {pol["Arn"]: managed2}}

# A role the lister may assume (source_profile + role_arn tests).
assume_trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": out["lister"]["arn"]},
                "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": "ext-123"}}}]}
iam.create_role(RoleName="ecsrole-assumable", AssumeRolePolicyDocument=json.dumps(assume_trust))
iam.put_role_policy(RoleName="ecsrole-assumable", PolicyName="listing", PolicyDocument=policy(LISTING))
for i in range(3):
    iam.create_role(RoleName=f"extra-role-{i}", AssumeRolePolicyDocument=json.dumps(trust))
out["roles"] = sorted(["app-exec-role", "ecsrole-assumable"] + [f"extra-role-{i}" for i in range(3)])

ecs = c("ecs")
container = {"name": "web", "image": f"{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/web:1", "memory": 256,
             "secrets": [{"name": "DB", "valueFrom": secrets["prod/db"]}, {"name": "HOST", "valueFrom": "/app/db/host"}],
             "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "awslogs-region": REGION,
                                                                      "awslogs-stream-prefix": "web"}}}
ecs.register_task_definition(family="web", containerDefinitions=[container], executionRoleArn=f"arn:aws:iam::{ACCOUNT}:role/app-exec-role")
ecs.register_task_definition(family="web", containerDefinitions=[dict(container, memory=512)],
                             executionRoleArn=f"arn:aws:iam::{ACCOUNT}:role/app-exec-role")
for f in ["api", "worker"]:
    ecs.register_task_definition(family=f, containerDefinitions=[{"name": f, "image": "nginx", "memory": 128}])
out["families"] = ["api", "web", "worker"]

req = urllib.request.Request(ep + "/moto-api/reset-auth", data=b"0", headers={"Content-Type": "text/plain"}, method="POST")
urllib.request.urlopen(req, timeout=10).read()
print(json.dumps(out))
