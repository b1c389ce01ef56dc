using System.Text.Json.Nodes;
using PcsAutomation.States.Errors;
using PcsAutomation.States.Intrinsics;
using PcsAutomation.States.Json;

namespace PcsAutomation.States.Definition;

/// <summary>A Choice rule: a boolean expression over the state's input; top-level rules carry <see cref="Next"/>.</summary>
public abstract record ChoiceRule
{
    public string? Next { get; init; }

    internal abstract bool Evaluate(EvaluationScope scope);
}

public sealed record AndRule(IReadOnlyList<ChoiceRule> Rules) : ChoiceRule
{
    internal override bool Evaluate(EvaluationScope scope) => Rules.All(r => r.Evaluate(scope));
}

public sealed record OrRule(IReadOnlyList<ChoiceRule> Rules) : ChoiceRule
{
    internal override bool Evaluate(EvaluationScope scope) => Rules.Any(r => r.Evaluate(scope));
}

public sealed record NotRule(ChoiceRule Rule) : ChoiceRule
{
    internal override bool Evaluate(EvaluationScope scope) => !Rule.Evaluate(scope);
}

/// <summary>
/// <c>Variable</c> compared by <c>Operator</c> with a literal <c>Operand</c> or, for the <c>...Path</c> operators, with the
/// value at <c>OperandPath</c>. Values of the wrong type never match (the spec: "not an error").
/// </summary>
public sealed record ComparisonRule(JsonPath Variable, string Operator, JsonNode? Operand, JsonPath? OperandPath) : ChoiceRule
{
    internal override bool Evaluate(EvaluationScope scope)
    {
        var root = Variable.IsContext ? scope.Context : scope.Input;
        var found = Variable.TrySelect(root, out var value);
        if (Operator == "IsPresent")
            return found == Operand!.GetValue<bool>();
        if (!found)
        {
            throw StatesErrorException.Runtime(
                $"Invalid path '{Variable.Text}': The choice state's condition path references an invalid value.");
        }

        var operand = Operand;
        if (OperandPath is not null)
        {
            var operandRoot = OperandPath.IsContext ? scope.Context : scope.Input;
            if (!OperandPath.TrySelect(operandRoot, out operand))
            {
                throw StatesErrorException.Runtime(
                    $"Invalid path '{OperandPath.Text}': The choice state's condition path references an invalid value.");
            }
        }

        return ChoiceOperators.Apply(Operator.EndsWith("Path", StringComparison.Ordinal) ? Operator[..^4] : Operator, value, operand);
    }
}
