using System.Collections.Concurrent;
using System.Reflection;
using MS = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework;

/// <summary>
/// The device launcher's order for one test class: [Setup] once, every test (each data row
/// counting as one), then [Cleanup] once. MSTest runs the tests; this class brackets them.
/// A Setup that fails or skips is reported on every test of the class, so a broken fixture
/// can never pass silently.
/// </summary>
internal sealed class ClassLifecycle
{
    private static readonly ConcurrentDictionary<Type, ClassLifecycle> Classes = new();

    private readonly Type _type;
    private readonly object _gate = new();
    private bool _setupDone;
    private Exception? _setupFailure;
    private int _remaining;

    private ClassLifecycle(Type type)
    {
        _type = type;
        _remaining = CountTests(type);
    }

    public static ClassLifecycle For(Type type) => Classes.GetOrAdd(type, t => new ClassLifecycle(t));

    public MS.TestResult[] Run(MS.ITestMethod testMethod, Func<MS.ITestMethod, MS.TestResult[]> runTest)
    {
        MS.TestResult[] results;
        lock (_gate)
        {
            EnsureSetup();
            results = _setupFailure is null ? runTest(testMethod) : SetupResults(_setupFailure);
            _remaining--;
            if (_remaining == 0)
            {
                Exception? cleanupFailure = InvokeAll(typeof(CleanupAttribute));
                if (cleanupFailure is not null)
                {
                    results = Failed(new MS.AssertFailedException("[Cleanup] failed: " + cleanupFailure.Message, cleanupFailure));
                }
            }
        }

        return results;
    }

    private void EnsureSetup()
    {
        if (_setupDone)
        {
            return;
        }

        _setupDone = true;
        _setupFailure = InvokeAll(typeof(SetupAttribute));
    }

    private Exception? InvokeAll(Type attribute)
    {
        foreach (MethodInfo method in _type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        {
            if (method.GetCustomAttribute(attribute) is null)
            {
                continue;
            }

            try
            {
                object? target = method.IsStatic ? null : Activator.CreateInstance(_type);
                method.Invoke(target, null);
            }
            catch (TargetInvocationException e)
            {
                return e.InnerException ?? e;
            }
        }

        return null;
    }

    private static int CountTests(Type type)
    {
        int count = 0;
        foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            if (method.GetCustomAttribute<TestMethodAttribute>() is null)
            {
                continue;
            }

            int rows = method.GetCustomAttributes<DataRowAttribute>().Count();
            count += rows == 0 ? 1 : rows;
        }

        return count;
    }

    private static MS.TestResult[] SetupResults(Exception failure) =>
        failure is MS.AssertInconclusiveException
            ? new[] { new MS.TestResult { Outcome = MS.UnitTestOutcome.Inconclusive, TestFailureException = failure } }
            : Failed(new MS.AssertFailedException("[Setup] failed: " + failure.Message, failure));

    private static MS.TestResult[] Failed(Exception failure) =>
        new[] { new MS.TestResult { Outcome = MS.UnitTestOutcome.Failed, TestFailureException = failure } };
}
