namespace PcsAutomation.Aws.Tests.Conformance;

/// <summary>Every List operation botocore paginates (among those implemented) has a paginator exposing its result key.</summary>
public class PaginatorConformanceTests
{
    [Theory]
    [InlineData("PCS", "")]
    [InlineData("SecretsManager", "ListSecretVersionIds")]
    [InlineData("StepFunctions", "")]
    public void PaginatorFactory_CoversEveryModelledPaginatorOfImplementedOperations(string serviceName, string extra)
    {
        var service = ServiceUnderTest.Named(serviceName);
        var implemented = service.Operations.Select(o => o.Name).ToHashSet();
        var modelled = BotocoreModel.LoadPaginators(service.ModelName)
            .Where(p => implemented.Contains(p.Key))
            .ToDictionary(p => p.Key, p => (string)p.Value!["result_key"]!);
        var factory = service.Interface.GetProperty("Paginators")!.PropertyType;

        var paginated = factory.GetMethods().Select(m => m.Name).ToList();

        Assert.Equal(modelled.Keys.Concat(extra.Split(',', StringSplitOptions.RemoveEmptyEntries)).Order(StringComparer.Ordinal),
            paginated.Order(StringComparer.Ordinal));
        foreach (var (operation, resultKey) in modelled)
        {
            var paginator = factory.GetMethod(operation)!.ReturnType;
            Assert.NotNull(paginator.GetProperty("Responses"));
            Assert.True(paginator.GetProperty(char.ToUpperInvariant(resultKey[0]) + resultKey[1..]) is not null,
                $"{paginator.Name} lacks the result key {resultKey}");
        }
    }
}
