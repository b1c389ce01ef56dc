"""Runs States Language cases through moto's Step Functions interpreter (from LocalStack).

stdin: JSON list of {"name", "definition", "input"}; stdout: JSON object name -> {status, output, error, cause}.
moto only interprets definitions when its stepfunctions.execute_state_machine setting is on (moto/stepfunctions/responses.py).
"""
import json
import sys
import time

import boto3
from moto import mock_aws

ROLE = "arn:aws:iam::123456789012:role/Test"


def run_case(client, case):
    """One case on a fresh state machine "Test" (deleted afterwards, so every case can name its execution "exec")."""
    try:
        arn = client.create_state_machine(name="Test", definition=case["definition"], roleArn=ROLE)["stateMachineArn"]
    except Exception as e:  # definition refused by moto
        return {"status": "REJECTED", "error": type(e).__name__, "cause": str(e)}
    try:
        execution = client.start_execution(stateMachineArn=arn, name="exec", input=case["input"])["executionArn"]
        deadline = time.time() + 20
        while True:
            described = client.describe_execution(executionArn=execution)
            if described["status"] != "RUNNING" or time.time() > deadline:
                break
            time.sleep(0.01)
        return {
            "status": described["status"],
            "output": described.get("output"),
            "error": described.get("error"),
            "cause": described.get("cause"),
        }
    finally:
        client.delete_state_machine(stateMachineArn=arn)


@mock_aws(config={"stepfunctions": {"execute_state_machine": True}})
def main():
    cases = json.load(sys.stdin)
    client = boto3.client("stepfunctions", region_name="us-east-1")
    results = {}
    for case in cases:
        try:
            results[case["name"]] = run_case(client, case)
        except Exception as e:  # keep going: one broken case must not hide the others
            results[case["name"]] = {"status": "HARNESS_ERROR", "error": type(e).__name__, "cause": str(e)}
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
