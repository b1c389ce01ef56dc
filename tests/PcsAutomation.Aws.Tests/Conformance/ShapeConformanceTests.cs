using Amazon.Runtime;

namespace PcsAutomation.Aws.Tests.Conformance;

/// <summary>
/// Every JSON property of every request and response type (and, recursively, the structures they use) is a member of
/// the model shape with the same name, a compatible type and the same required flag; no modelled member is missing.
/// Output members are checked the same way as input members: none are skipped.
/// </summary>
public class ShapeConformanceTests
{
    public static TheoryData<string, string> ImplementedOperations() => OperationConformanceTests.ImplementedOperations();

    [Theory]
    [MemberData(nameof(ImplementedOperations))]
    public void Request_MatchesModelInputShape(string serviceName, string operationName)
    {
        var service = ServiceUnderTest.Named(serviceName);
        var operation = service.Operations.Single(o => o.Name == operationName);
        var comparer = new ShapeComparer(service.Model, service.Context);

        comparer.CompareStructure(operation.RequestType, service.Model.InputShape(operationName)!, operation.RequestType.Name);

        Assert.Empty(comparer.Problems);
    }

    [Theory]
    [MemberData(nameof(ImplementedOperations))]
    public void Response_MatchesModelOutputShape(string serviceName, string operationName)
    {
        var service = ServiceUnderTest.Named(serviceName);
        var operation = service.Operations.Single(o => o.Name == operationName);
        var comparer = new ShapeComparer(service.Model, service.Context);
        var output = service.Model.OutputShape(operationName);

        if (output is null)
            Assert.Empty(service.Context.GetTypeInfo(operation.ResponseType)!.Properties);
        else
            comparer.CompareStructure(operation.ResponseType, output, operation.ResponseType.Name);

        Assert.Empty(comparer.Problems);
    }

    [Theory]
    [InlineData("PCS")]
    [InlineData("SecretsManager")]
    [InlineData("StepFunctions")]
    public void ConstantClasses_KnownValues_EqualModelEnum(string serviceName)
    {
        var service = ServiceUnderTest.Named(serviceName);
        var constantClasses = service.BaseException.Assembly.GetTypes()
            .Where(t => t.Namespace == service.ModelNamespace && t.IsSubclassOf(typeof(ConstantClass)))
            .ToList();

        Assert.NotEmpty(constantClasses);
        foreach (var type in constantClasses)
        {
            var modelled = service.Model.Shape(type.Name)["enum"]!.AsArray().Select(v => (string)v!);
            Assert.Equal(modelled, ShapeComparer.KnownValues(type));
        }
    }

    [Fact]
    public void StepFunctionsHistoryEvent_HasEveryModelledDetailsMember()
    {
        var model = ServiceUnderTest.StepFunctions.Model;
        var members = BotocoreModel.Members(model.Shape("HistoryEvent"));
        var properties = ServiceUnderTest.StepFunctions.Context.GetTypeInfo(typeof(Aws.StepFunctions.Model.HistoryEvent))!
            .Properties.Select(p => p.Name);

        Assert.Contains("executionSucceededEventDetails", members.Keys);
        Assert.Contains("mapRunFailedEventDetails", members.Keys);
        Assert.Equal(members.Keys.Order(StringComparer.Ordinal), properties.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ShapeComparer_TypeAgainstAnotherShape_ReportsEachDifference()
    {
        var service = ServiceUnderTest.Pcs;
        var comparer = new ShapeComparer(service.Model, service.Context);

        // GetClusterRequest has only clusterIdentifier; DeleteClusterRequest also has clientToken
        comparer.CompareStructure(typeof(Aws.PCS.Model.GetClusterRequest), "DeleteClusterRequest", "probe");
        comparer.CompareStructure(typeof(Aws.PCS.Model.ClusterSummary), "QueueSummary", "summary");

        Assert.Contains("probe.clientToken: modelled member of DeleteClusterRequest missing", comparer.Problems);
        Assert.Contains(comparer.Problems, p => p.StartsWith("summary.status: ClusterStatus is not the constant class QueueStatus", StringComparison.Ordinal));
    }
}
