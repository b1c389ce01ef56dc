"""Translates a SAM template with the machine's SAM translator (the one cfn-lint uses) and prints, as JSON, each
generated IAM role's managed policy ARNs: {"<RoleLogicalId>": ["arn:...", ...]}.

Only what `sam deploy` would hand to CloudFormation matters here, so local CodeUri / DefinitionUri paths are replaced by
placeholder S3 URIs first (sam package does the same with real ones).
"""
import json
import os
import sys

from cfnlint.decode import decode
from samtranslator.translator.transform import transform


class AwsManagedPolicies(dict):
    """Resolves any managed policy name to its AWS ARN, as the IAM ListPolicies lookup of `sam deploy` would."""

    def __missing__(self, name):
        return f"arn:aws:iam::aws:policy/{name}"

    def __contains__(self, name):
        return True


class Loader:
    def load(self):
        return AwsManagedPolicies()


def main(path):
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    template, problems = decode(path)
    if template is None:
        sys.exit(f"{path}: {problems}")
    for resource in template.get("Resources", {}).values():
        properties = resource.get("Properties", {})
        for key in ("CodeUri", "DefinitionUri"):
            if isinstance(properties.get(key), str):
                properties[key] = "s3://placeholder/" + key
    translated = transform(template, {}, Loader())
    roles = {
        name: resource["Properties"].get("ManagedPolicyArns", [])
        for name, resource in translated["Resources"].items()
        if resource["Type"] == "AWS::IAM::Role"
    }
    print(json.dumps(roles, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1])
