using System.Text.Json.Nodes;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Json;

namespace PcsAutomation.States.Intrinsics;

/// <summary>Evaluates intrinsic function calls; every misuse is a States.IntrinsicFailure naming the function.</summary>
internal static partial class IntrinsicFunctions
{
    private static readonly Dictionary<string, Func<IntrinsicCall, List<JsonNode?>, EvaluationScope, JsonNode?>> Functions =
        new(StringComparer.Ordinal)
        {
            ["States.Format"] = (call, args, _) => Format(call, args),
            ["States.StringToJson"] = (_, args, _) => StringToJson(args),
            ["States.JsonToString"] = (_, args, _) => JsonValue.Create(JsonValues.ToJson(Single(args))),
            ["States.Array"] = (_, args, _) => new JsonArray(args.Select(JsonValues.Clone).ToArray()),
            ["States.ArrayPartition"] = (_, args, _) => ArrayPartition(args),
            ["States.ArrayContains"] = (_, args, _) => ArrayContains(args),
            ["States.ArrayRange"] = (_, args, _) => ArrayRange(args),
            ["States.ArrayGetItem"] = (_, args, _) => ArrayGetItem(args),
            ["States.ArrayLength"] = (_, args, _) => JsonValue.Create(ArrayArg(args, 0, 1).Count),
            ["States.ArrayUnique"] = (_, args, _) => ArrayUnique(args),
            ["States.Base64Encode"] = (_, args, _) => Base64Encode(args),
            ["States.Base64Decode"] = (_, args, _) => Base64Decode(args),
            ["States.Hash"] = (_, args, _) => Hash(args),
            ["States.JsonMerge"] = (_, args, _) => JsonMerge(args),
            ["States.MathRandom"] = (_, args, scope) => MathRandom(args, scope),
            ["States.MathAdd"] = (_, args, _) => MathAdd(args),
            ["States.StringSplit"] = (_, args, _) => StringSplit(args),
            ["States.UUID"] = (_, args, scope) => Uuid(args, scope),
        };

    public static bool IsKnown(string name) => Functions.ContainsKey(name);

    /// <summary>Evaluates a call; paths resolve against the scope (a missing path is an intrinsic failure).</summary>
    public static JsonNode? Evaluate(IntrinsicCall call, EvaluationScope scope)
    {
        var args = call.Arguments.Select(a => EvaluateArgument(a, scope)).ToList();
        try
        {
            return Functions[call.Name](call, args, scope);
        }
        catch (IntrinsicArgumentException e)
        {
            throw new StatesErrorException(StatesErrorNames.IntrinsicFailure, $"Invalid arguments in {call.Name}: {e.Message}");
        }
    }

    private static JsonNode? EvaluateArgument(IntrinsicArgument argument, EvaluationScope scope) => argument switch
    {
        StringArgument s => JsonValue.Create(s.Value),
        LiteralArgument l => JsonValues.Clone(l.Value),
        PathArgument p => scope.Select(p.Path, StatesErrorNames.IntrinsicFailure, "intrinsic argument"),
        IntrinsicCall c => Evaluate(c, scope),
        _ => throw new InvalidOperationException("unknown intrinsic argument"),
    };

    private static JsonNode? Single(List<JsonNode?> args) => args.Count == 1 ? args[0] : throw Arity(1, args);

    private static IntrinsicArgumentException Arity(int expected, List<JsonNode?> args) =>
        new($"expected {expected} argument(s), got {args.Count}");

    private static void ExpectCount(List<JsonNode?> args, int count)
    {
        if (args.Count != count)
            throw Arity(count, args);
    }

    private static JsonArray ArrayArg(List<JsonNode?> args, int index, int count)
    {
        ExpectCount(args, count);
        return args[index] as JsonArray ?? throw new IntrinsicArgumentException($"argument {index + 1} must be an array");
    }

    private static string StringArg(List<JsonNode?> args, int index) =>
        JsonValues.TryGetString(args[index], out var s) ? s : throw new IntrinsicArgumentException($"argument {index + 1} must be a string");

    private static long IntegerArg(List<JsonNode?> args, int index) =>
        JsonValues.TryGetInteger(args[index], out var n) ? n : throw new IntrinsicArgumentException($"argument {index + 1} must be an integer");
}

/// <summary>A bad argument to an intrinsic function; becomes States.IntrinsicFailure.</summary>
internal sealed class IntrinsicArgumentException(string message) : Exception(message);
