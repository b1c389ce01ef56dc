using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.SecretsManager;

public class ListSecretsFilterTests
{
    private static TestAccount Account() => new(Scenario.Cluster("alpha").AndCluster("beta")
        .WithSecret("Prod/Db-Password", "x", ("team", "hpc"))
        .WithSecret("prod/api-key", "y", ("team", "web")));

    private static List<string> Names(TestAccount account, string filters) =>
        account.Secrets("ListSecrets", $$"""{"Filters":{{filters}}}""")["SecretList"]!.AsArray()
            .Select(s => s!["Name"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();

    [Fact] // guide L2258-2262: the cluster secret is found by tag-key aws:pcs:cluster-id and tag-value <cluster id>
    public void ListSecrets_TagKeyAndTagValue_FindsOnlyThatClustersSecret()
    {
        var account = Account();
        var id = account.Cluster("alpha").Id;

        var names = Names(account, $$"""[{"Key":"tag-key","Values":["aws:pcs:cluster-id"]},{"Key":"tag-value","Values":["{{id}}"]}]""");

        Assert.Equal([$"pcs!slurm-secret-{id}"], names);
    }

    [Fact] // API_Filter: name is a case-sensitive prefix match
    public void ListSecrets_NamePrefix_CaseSensitive()
    {
        var account = Account();

        Assert.Equal(["prod/api-key"], Names(account, """[{"Key":"name","Values":["prod/"]}]"""));
        Assert.Equal(2, Names(account, """[{"Key":"name","Values":["pcs!slurm-secret-"]}]""").Count);
    }

    [Fact] // API_Filter: a leading ! negates
    public void ListSecrets_NegatedTagValue_ExcludesMatches()
    {
        var account = Account();

        var names = Names(account, """[{"Key":"tag-key","Values":["team"]},{"Key":"tag-value","Values":["!hpc"]}]""");

        Assert.Equal(["prod/api-key"], names);
    }

    [Fact] // API_Filter: "all" splits into words and matches any attribute, not case-sensitive
    public void ListSecrets_AllFilter_MatchesWordsCaseInsensitively()
    {
        var account = Account();

        Assert.Equal(["Prod/Db-Password"], Names(account, """[{"Key":"all","Values":["password"]}]"""));
    }

    [Fact]
    public void ListSecrets_UnknownFilterKey_InvalidParameter()
    {
        var account = Account();

        var error = account.SecretsError("ListSecrets", """{"Filters":[{"Key":"colour","Values":["red"]}]}""");

        Assert.Equal("InvalidParameterException", error.Code);
    }
}
