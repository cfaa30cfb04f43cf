using Microsoft.CodeAnalysis;

namespace AgentPhone.Conformance;

/// <summary>What a compiler error in device code usually means on nanoFramework.</summary>
internal static class Hints
{
    private static readonly HashSet<string> LinqOperators = new(StringComparer.Ordinal)
    {
        "Where", "Select", "SelectMany", "First", "FirstOrDefault", "Last", "LastOrDefault", "Single", "SingleOrDefault",
        "Any", "All", "Count", "Sum", "Min", "Max", "Average", "OrderBy", "OrderByDescending", "ThenBy", "GroupBy",
        "ToList", "ToArray", "ToDictionary", "Distinct", "Skip", "Take", "Concat", "Contains", "Aggregate", "Cast", "OfType"
    };

    public static string For(Diagnostic d)
    {
        string message = d.GetMessage();
        switch (d.Id)
        {
            case "CS0518":
                if (message.Contains("System.Nullable", StringComparison.Ordinal))
                {
                    return " (nullable value types do not exist on nanoFramework)";
                }

                if (message.Contains("Task", StringComparison.Ordinal) || message.Contains("AsyncStateMachine", StringComparison.Ordinal))
                {
                    return " (async/await does not exist on nanoFramework)";
                }

                if (message.Contains("ValueTuple", StringComparison.Ordinal))
                {
                    return " (tuples do not exist on nanoFramework)";
                }

                return " (the compiler needs a type nanoFramework does not have)";
            case "CS1061":
            case "CS0117":
                foreach (string op in LinqOperators)
                {
                    if (message.Contains("'" + op + "'", StringComparison.Ordinal))
                    {
                        return " (LINQ does not exist on nanoFramework; write the loop)";
                    }
                }

                return " (not in nanoFramework's libraries at the versions this project's packages.config pins)";
            case "CS0246":
            case "CS0234":
            case "CS0103":
                if (message.Contains("'Linq'", StringComparison.Ordinal) || message.Contains("'Enumerable'", StringComparison.Ordinal))
                {
                    return " (LINQ does not exist on nanoFramework; write the loop)";
                }

                return " (not in nanoFramework's libraries at the versions this project's packages.config pins)";
            default:
                return "";
        }
    }
}
