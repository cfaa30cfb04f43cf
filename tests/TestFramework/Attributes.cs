using MS = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework;

/// <summary>Marks a test class; MSTest discovers it through the base attribute.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class TestClassAttribute : MS.TestClassAttribute
{
}

/// <summary>
/// Marks a test method. Runs the class's [Setup] before its first test and its [Cleanup]
/// after its last one, as the device's test launcher does.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class TestMethodAttribute : MS.TestMethodAttribute
{
    public override MS.TestResult[] Execute(MS.ITestMethod testMethod) =>
        ClassLifecycle.For(testMethod.MethodInfo.DeclaringType!).Run(testMethod, base.Execute);
}

/// <summary>One set of arguments for a data-driven test method; each row is a test of its own.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class DataRowAttribute : MS.DataRowAttribute
{
    public DataRowAttribute(params object[] methodParameters)
        : base(methodParameters)
    {
        if (methodParameters is null || methodParameters.Length == 0)
        {
            throw new ArgumentException("A DataRow needs at least one parameter.", nameof(methodParameters));
        }

        MethodParameters = methodParameters;
    }

    public object[] MethodParameters { get; }
}

/// <summary>Runs once, before the first test of its class.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SetupAttribute : Attribute
{
}

/// <summary>Runs once, after the last test of its class.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CleanupAttribute : Attribute
{
}
