// Mirrors nanoframework/System.Threading at tag v1.1.52 (package nanoFramework.System.Threading
// 1.1.52, assembly nanoFramework.System.Threading).

namespace System.Threading
{
    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource() { }
        public CancellationTokenSource(int millisecondsDelay) { }
        public CancellationToken Token => throw null;
        public void Dispose() { }
    }

    public struct CancellationToken
    {
        public bool IsCancellationRequested => throw null;
    }
}
