using CsCheck;
using PcsAutomation.Domain.Workflows;

namespace PcsAutomation.Domain.Tests.Workflows;

public class ClientTokensTests
{
    private const string Arn = "arn:aws:states:us-east-1:111122223333:execution:ClusterSecretRotationStateMachine:rotate-pcs_abc-20260111T0200";

    [Fact]
    public void For_SameInputs_SameToken()
    {
        Assert.Equal(ClientTokens.For(Arn, "scale-down", "pcs_ng1"), ClientTokens.For(Arn, "scale-down", "pcs_ng1"));
    }

    [Fact]
    public void For_Any_IsUuidShaped36Characters()
    {
        var token = ClientTokens.For(Arn, "rotate");
        Assert.Equal(36, token.Length);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", token);
        Assert.True(Guid.TryParse(token, out _));
    }

    [Fact]
    public void For_DifferentStepResourceOrExecution_DifferentTokens()
    {
        var tokens = new[]
        {
            ClientTokens.For(Arn, "scale-down", "pcs_ng1"),
            ClientTokens.For(Arn, "scale-down", "pcs_ng2"),
            ClientTokens.For(Arn, "restore", "pcs_ng1"),
            ClientTokens.For(Arn + "x", "scale-down", "pcs_ng1"),
            ClientTokens.For(Arn, "scale-down"),
            ClientTokens.For(Arn, "scale-down", ""),
        };
        Assert.Equal(tokens.Length, tokens.Distinct().Count());
    }

    [Fact]
    public void For_PartsShiftedAcrossBoundaries_DifferentTokens()
    {
        Assert.NotEqual(ClientTokens.For("a:b", "c"), ClientTokens.For("a", "b:c"));
        Assert.NotEqual(ClientTokens.For("a", "bc", null), ClientTokens.For("a", "b", "c"));
    }

    [Fact]
    public void For_RandomInputs_DeterministicAndDistinct()
    {
        Gen.Select(Gen.String, Gen.String, Gen.String.Null(), Gen.String).Sample((arn, step, resource, other) =>
            ClientTokens.For(arn, step, resource) == ClientTokens.For(arn, step, resource)
            && (other == step || ClientTokens.For(arn, step, resource) != ClientTokens.For(arn, other, resource)));
    }
}
