// Documents the LSP integration tests open. Kept small and readable; each test says what it expects of them.

/** A typo'd Next: ASL003 on "Procss" (did you mean "Process"?) and ASL004 on the now unreachable "Process". */
export const TYPO = `{
  "Comment": "A typo in Next",
  "StartAt": "Fetch",
  "States": {
    "Fetch": { "Type": "Pass", "Next": "Procss" },
    "Process": { "Type": "Pass", "End": true }
  }
}
`;

/** The same typo in YAML. */
export const TYPO_YAML = `Comment: A typo in Next
StartAt: Fetch
States:
  Fetch:
    Type: Pass
    Next: Procss
  Process:
    Type: Pass
    End: true
`;

/** Choice (Choices[].Next and Default), Parallel with two branches, Catch, and an inline Map. */
export const NESTED = `{
  "StartAt": "Choose",
  "States": {
    "Choose": {
      "Type": "Choice",
      "Choices": [{ "Variable": "$.go", "BooleanEquals": true, "Next": "Fan" }],
      "Default": "Done"
    },
    "Fan": {
      "Type": "Parallel",
      "Branches": [
        { "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } },
        { "StartAt": "B", "States": { "B": { "Type": "Pass", "Next": "C" }, "C": { "Type": "Succeed" } } }
      ],
      "Catch": [{ "ErrorEquals": ["States.ALL"], "Next": "Done" }],
      "Next": "Each"
    },
    "Each": {
      "Type": "Map",
      "ItemProcessor": {
        "ProcessorConfig": { "Mode": "INLINE" },
        "StartAt": "Work",
        "States": { "Work": { "Type": "Pass", "End": true } }
      },
      "MaxConcurrency": 5,
      "Next": "Done"
    },
    "Done": { "Type": "Succeed" }
  }
}
`;

/**
 * Two Task states: "Invoke" takes its Lambda function from state data (IAM002 on "$.fn"), "Notify"
 * publishes to one named SNS topic. The policy: lambda:InvokeFunction on any function of the
 * account, sns:Publish on that topic only.
 */
export const POLICY = `{
  "StartAt": "Invoke",
  "States": {
    "Invoke": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "Parameters": { "FunctionName.$": "$.fn", "Payload.$": "$" },
      "Next": "Notify"
    },
    "Notify": {
      "Type": "Task",
      "Resource": "arn:aws:states:::sns:publish",
      "Parameters": { "TopicArn": "arn:aws:sns:us-east-1:123456789012:orders", "Message.$": "$.msg" },
      "End": true
    }
  }
}
`;
