using PcsAutomation.LocalAws.Scenarios;
using PcsAutomation.LocalAws.Tests.Support;

namespace PcsAutomation.LocalAws.Tests.SecretsManager;

public class SecretVersionTests
{
    private const string TokenA = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
    private const string TokenB = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";

    [Fact]
    public void PutSecretValue_NewVersion_BecomesCurrentAndOldBecomesPrevious()
    {
        var account = new TestAccount();
        account.Secrets("CreateSecret", $$"""{"Name":"app/key","SecretString":"one","ClientRequestToken":"{{TokenA}}"}""");

        account.Secrets("PutSecretValue", $$"""{"SecretId":"app/key","SecretString":"two","ClientRequestToken":"{{TokenB}}"}""");

        var stages = account.Secrets("DescribeSecret", """{"SecretId":"app/key"}""")["VersionIdsToStages"]!;
        Assert.Equal("AWSPREVIOUS", stages[TokenA]![0]!.GetValue<string>());
        Assert.Equal("AWSCURRENT", stages[TokenB]![0]!.GetValue<string>());
        Assert.Equal("two", account.Secrets("GetSecretValue", """{"SecretId":"app/key"}""")["SecretString"]!.GetValue<string>());
        Assert.Equal("one", account.Secrets("GetSecretValue", """{"SecretId":"app/key","VersionStage":"AWSPREVIOUS"}""")["SecretString"]!.GetValue<string>());
        Assert.Equal("one", account.Secrets("GetSecretValue", $$"""{"SecretId":"app/key","VersionId":"{{TokenA}}"}""")["SecretString"]!.GetValue<string>());
    }

    [Fact]
    public void PutSecretValue_SameTokenOtherValue_ResourceExists()
    {
        var account = new TestAccount();
        account.Secrets("CreateSecret", $$"""{"Name":"app/key","SecretString":"one","ClientRequestToken":"{{TokenA}}"}""");

        var error = account.SecretsError("PutSecretValue", $$"""{"SecretId":"app/key","SecretString":"other","ClientRequestToken":"{{TokenA}}"}""");

        Assert.Equal(("ResourceExistsException", 400), (error.Code, error.StatusCode));
    }

    [Fact]
    public void GetSecretValue_VersionIdWithOtherStage_ResourceNotFound()
    {
        var account = new TestAccount();
        account.Secrets("CreateSecret", $$"""{"Name":"app/key","SecretString":"one","ClientRequestToken":"{{TokenA}}"}""");

        var error = account.SecretsError("GetSecretValue", $$"""{"SecretId":"app/key","VersionId":"{{TokenA}}","VersionStage":"AWSPENDING"}""");

        Assert.Equal("ResourceNotFoundException", error.Code);
    }

    [Fact]
    public void UpdateSecretVersionStage_LabelHeldElsewhereWithoutRemoveFrom_InvalidParameter()
    {
        var account = new TestAccount();
        account.Secrets("CreateSecret", $$"""{"Name":"app/key","SecretString":"one","ClientRequestToken":"{{TokenA}}"}""");
        account.Secrets("PutSecretValue", $$"""{"SecretId":"app/key","SecretString":"two","ClientRequestToken":"{{TokenB}}"}""");

        var error = account.SecretsError("UpdateSecretVersionStage", $$"""{"SecretId":"app/key","VersionStage":"AWSCURRENT","MoveToVersionId":"{{TokenA}}"}""");

        Assert.Equal("InvalidParameterException", error.Code);
    }

    [Fact]
    public void UpdateSecretVersionStage_MoveCurrentBack_FormerCurrentBecomesPrevious()
    {
        var account = new TestAccount();
        account.Secrets("CreateSecret", $$"""{"Name":"app/key","SecretString":"one","ClientRequestToken":"{{TokenA}}"}""");
        account.Secrets("PutSecretValue", $$"""{"SecretId":"app/key","SecretString":"two","ClientRequestToken":"{{TokenB}}"}""");

        account.Secrets("UpdateSecretVersionStage", $$"""{"SecretId":"app/key","VersionStage":"AWSCURRENT","MoveToVersionId":"{{TokenA}}","RemoveFromVersionId":"{{TokenB}}"}""");

        var stages = account.Secrets("DescribeSecret", """{"SecretId":"app/key"}""")["VersionIdsToStages"]!;
        Assert.Equal("AWSCURRENT", stages[TokenA]![0]!.GetValue<string>());
        Assert.Equal("AWSPREVIOUS", stages[TokenB]![0]!.GetValue<string>());
    }

    [Fact]
    public void ListSecretVersionIds_TwoVersions_ListsBothWithStages()
    {
        var account = new TestAccount();
        account.Secrets("CreateSecret", $$"""{"Name":"app/key","SecretString":"one","ClientRequestToken":"{{TokenA}}"}""");
        account.Secrets("PutSecretValue", $$"""{"SecretId":"app/key","SecretString":"two","ClientRequestToken":"{{TokenB}}"}""");

        var versions = account.Secrets("ListSecretVersionIds", """{"SecretId":"app/key"}""")["Versions"]!.AsArray();

        Assert.Equal([TokenA, TokenB], versions.Select(v => v!["VersionId"]!.GetValue<string>()));
    }

    [Fact]
    public void TagResource_NewTag_DescribeSecretShowsIt()
    {
        var account = new TestAccount(Scenario.Empty().WithSecret("app/key", "v"));

        account.Secrets("TagResource", """{"SecretId":"app/key","Tags":[{"Key":"team","Value":"hpc"}]}""");

        var tags = account.Secrets("DescribeSecret", """{"SecretId":"app/key"}""")["Tags"]!.AsArray();
        Assert.Contains(tags, t => t!["Key"]!.GetValue<string>() == "team" && t["Value"]!.GetValue<string>() == "hpc");
    }

    [Fact]
    public void DeleteSecret_Scheduled_GetSecretValueInvalidRequestAndRestoreWorks()
    {
        var account = new TestAccount(Scenario.Empty().WithSecret("app/key", "v"));

        account.Secrets("DeleteSecret", """{"SecretId":"app/key","RecoveryWindowInDays":7}""");

        Assert.Equal("InvalidRequestException", account.SecretsError("GetSecretValue", """{"SecretId":"app/key"}""").Code);
        account.Secrets("RestoreSecret", """{"SecretId":"app/key"}""");
        Assert.Equal("v", account.Secrets("GetSecretValue", """{"SecretId":"app/key"}""")["SecretString"]!.GetValue<string>());
    }
}
