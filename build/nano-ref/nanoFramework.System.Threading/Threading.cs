// Reference declarations of nanoFramework.System.Threading 1.1 (nanoFramework.System.Threading.dll).

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
