using System.Text.Json.Nodes;
using PcsAutomation.Aws.StepFunctions.Model;
using PcsAutomation.LocalAws.Ec2;
using PcsAutomation.LocalAws.Scenarios;

namespace PcsAutomation.LocalAws.Tests.StepFunctions;

/// <summary><c>arn:aws:states:::aws-sdk:ec2:*</c> through a real state machine: the SDK's PascalCase member names both ways.</summary>
public sealed class AwsSdkEc2Tests
{
    private static async Task<DescribeExecutionResponse> RunAsync(StepFunctionsClients sfn, string resource, string parameters, string input = "{}")
    {
        var machine = sfn.CreateStateMachine("ec2-" + Guid.NewGuid().ToString("N")[..8], $$"""
            {
              "StartAt": "Call",
              "States": {
                "Call": { "Type": "Task", "Resource": "{{resource}}", "Parameters": {{parameters}}, "ResultPath": "$.result",
                          "Catch": [ { "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Caught" } ], "End": true },
                "Caught": { "Type": "Pass", "End": true }
              }
            }
            """);
        var started = await sfn.Sfn.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine, Input = input });
        return await sfn.RunAsync(started.ExecutionArn);
    }

    private static JsonNode Output(DescribeExecutionResponse described) => JsonNode.Parse(described.Output!)!;

    [Fact]
    public async Task AwsSdkEc2_DescribeInstancesTagFilter_PascalCaseReservationsInstancesTags()
    {
        await using var sfn = await StepFunctionsClients.StartAsync(
            Scenario.Cluster("demo").WithNodeGroup("compute-1", min: 2, max: 10).WithQueue("q", "compute-1")
                .WithInstance("byo-login", ("pcs-automation:byo-login-for", "demo")));
        var clusterId = sfn.Aws.State.FindCluster("demo")!.Id;

        var described = await RunAsync(sfn, "arn:aws:states:::aws-sdk:ec2:describeInstances", """
            { "Filters": [ { "Name": "tag:aws:pcs:cluster-id", "Values.$": "States.Array($.clusterId)" } ], "MaxResults": 5 }
            """, $$"""{"clusterId":"{{clusterId}}"}""");

        Assert.Equal(ExecutionStatus.SUCCEEDED, described.Status);
        var result = Output(described)["result"]!.AsObject();
        Assert.False(result.ContainsKey("reservationSet"));
        var instances = result["Reservations"]!.AsArray().SelectMany(r => r!["Instances"]!.AsArray()).ToList();
        Assert.Equal(2, instances.Count);
        var expected = sfn.Aws.State.Instances.Values.Where(i => i.Tags.GetValueOrDefault("aws:pcs:cluster-id") == clusterId)
            .Select(i => i.InstanceId).Order().ToList();
        Assert.Equal(expected, instances.Select(i => i!["InstanceId"]!.GetValue<string>()).Order().ToList());
        Assert.All(instances, i =>
        {
            Assert.Equal(0, i!["State"]!["Code"]!.GetValue<int>());
            Assert.Equal("pending", i["State"]!["Name"]!.GetValue<string>());
            Assert.Contains(i["Tags"]!.AsArray(), t => t!["Key"]!.GetValue<string>() == "aws:pcs:cluster-id" && t["Value"]!.GetValue<string>() == clusterId);
            Assert.Equal(sfn.Aws.Options.Region + "a", i["Placement"]!["AvailabilityZone"]!.GetValue<string>());
        });
        Assert.All(result["Reservations"]!.AsArray(), r => Assert.StartsWith("r-", r!["ReservationId"]!.GetValue<string>()));
        Assert.Single(sfn.Aws.Calls.Of("ec2", "DescribeInstances"));
    }

    [Fact]
    public async Task AwsSdkEc2_DescribeImagesOwnersAndFilters_PascalCaseImages()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();

        var described = await RunAsync(sfn, "arn:aws:states:::aws-sdk:ec2:describeImages", """
            { "Owners": ["amazon"], "Filters": [ { "Name": "name", "Values": ["al2023-ami-*"] }, { "Name": "architecture", "Values": ["arm64"] } ] }
            """);

        Assert.Equal(ExecutionStatus.SUCCEEDED, described.Status);
        var image = Assert.Single(Output(described)["result"]!["Images"]!.AsArray())!;
        Assert.Equal(ImageCatalogue.AmazonLinuxImageId("arm64"), image["ImageId"]!.GetValue<string>());
        Assert.Equal("available", image["State"]!.GetValue<string>());
        Assert.Equal(ImageCatalogue.AmazonLinuxOwnerId, image["OwnerId"]!.GetValue<string>());
        Assert.True(image["Public"]!.GetValue<bool>());
        Assert.Equal("/dev/xvda", image["BlockDeviceMappings"]![0]!["DeviceName"]!.GetValue<string>());
        Assert.NotNull(image["Tags"]);
    }

    [Fact]
    public async Task AwsSdkEc2_InvalidParameters_NamedEc2Errors()
    {
        await using var sfn = await StepFunctionsClients.StartAsync();

        var tooFew = await RunAsync(sfn, "arn:aws:states:::aws-sdk:ec2:describeInstances", """{ "MaxResults": 2 }""");
        var missing = await RunAsync(sfn, "arn:aws:states:::aws-sdk:ec2:describeInstances", """{ "InstanceIds": ["i-0123456789abcdef0"] }""");

        Assert.Equal("Ec2.InvalidParameterValueException", Output(tooFew)["error"]!["Error"]!.GetValue<string>());
        Assert.Contains("MaxResults", Output(tooFew)["error"]!["Cause"]!.GetValue<string>());
        Assert.Equal("Ec2.InvalidInstanceIDNotFoundException", Output(missing)["error"]!["Error"]!.GetValue<string>());
    }

    [Fact]
    public async Task AwsSdkEc2_InstanceTypesAndCreateLaunchTemplateVersion_ListsAndNestedMembers()
    {
        await using var sfn = await StepFunctionsClients.StartAsync(
            Scenario.Empty().WithLaunchTemplate("lt", new LaunchTemplateVersionDefinition { ImageId = "ami-0aaaaaaaaaaaaaaa1", InstanceType = "c6i.xlarge" }));
        var template = Assert.Single(sfn.Aws.State.LaunchTemplates.Values);

        var types = await RunAsync(sfn, "arn:aws:states:::aws-sdk:ec2:describeInstanceTypes", """{ "InstanceTypes": ["c7g.large"] }""");
        var created = await RunAsync(sfn, "arn:aws:states:::aws-sdk:ec2:createLaunchTemplateVersion", $$"""
            { "LaunchTemplateId": "{{template.LaunchTemplateId}}", "VersionDescription": "sfn",
              "LaunchTemplateData": { "InstanceType": "c6i.2xlarge",
                "TagSpecifications": [ { "ResourceType": "instance", "Tags": [ { "Key": "team", "Value": "hpc" } ] } ] } }
            """);

        var latest = await RunAsync(sfn, "arn:aws:states:::aws-sdk:ec2:describeLaunchTemplateVersions", $$"""
            { "LaunchTemplateId": "{{template.LaunchTemplateId}}", "Versions": ["$Latest"] }
            """);

        var listed = Assert.Single(Output(latest)["result"]!["LaunchTemplateVersions"]!.AsArray())!;
        Assert.Equal(2, listed["VersionNumber"]!.GetValue<int>());
        Assert.False(listed["DefaultVersion"]!.GetValue<bool>());
        var type = Assert.Single(Output(types)["result"]!["InstanceTypes"]!.AsArray())!;
        Assert.Equal("c7g.large", type["InstanceType"]!.GetValue<string>());
        Assert.Equal("arm64", type["ProcessorInfo"]!["SupportedArchitectures"]![0]!.GetValue<string>());
        Assert.Equal(ExecutionStatus.SUCCEEDED, created.Status);
        var version = Output(created)["result"]!["LaunchTemplateVersion"]!;
        Assert.Equal("c6i.2xlarge", version["LaunchTemplateData"]!["InstanceType"]!.GetValue<string>());
        var spec = Assert.Single(version["LaunchTemplateData"]!["TagSpecifications"]!.AsArray())!;
        Assert.Equal("hpc", spec["Tags"]![0]!["Value"]!.GetValue<string>());
        Assert.Equal("sfn", template.Versions[^1].Description);
    }

    [Fact] // the SDK's member names for the Capacity Block reads (botocore EC2 model: CapacityBlockStatuses, CapacityReservationStatuses)
    public async Task AwsSdkEc2_CapacityBlocksAndStatus_PascalCaseMembers()
    {
        await using var sfn = await StepFunctionsClients.StartAsync(
            Scenario.Empty().WithCapacityBlock("block", "p5.48xlarge", 4, "-1h", "+3h", id: "cr-0a000000000000001"));

        var blocks = await RunAsync(sfn, "arn:aws:states:::aws-sdk:ec2:describeCapacityBlocks", """{ "CapacityBlockIds": ["cb-0a000000000000001"] }""");
        var statuses = await RunAsync(sfn, "arn:aws:states:::aws-sdk:ec2:describeCapacityBlockStatus", """{ "MaxResults": 10 }""");

        var block = Assert.Single(Output(blocks)["result"]!["CapacityBlocks"]!.AsArray())!;
        Assert.Equal("cr-0a000000000000001", block["CapacityReservationIds"]![0]!.GetValue<string>());
        Assert.Equal("active", block["State"]!.GetValue<string>());
        var status = Assert.Single(Output(statuses)["result"]!["CapacityBlockStatuses"]!.AsArray())!;
        Assert.Equal(4, status["TotalAvailableCapacity"]!.GetValue<int>());
        Assert.Equal(4, Assert.Single(status["CapacityReservationStatuses"]!.AsArray())!["TotalCapacity"]!.GetValue<int>());
    }
}
