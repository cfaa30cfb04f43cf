namespace AgentPhone.Protocol
{
    /// <summary>
    /// The wire names of one enum, indexed by its values (0, 1, 2, …). Each enum that travels as a
    /// name has one table; a test checks every value of every enum against it.
    /// </summary>
    public sealed class NameTable
    {
        private readonly string[] _names;

        public NameTable(string[] names)
        {
            _names = names;
        }

        public int Count
        {
            get { return _names.Length; }
        }

        public string Name(int value)
        {
            return _names[value];
        }

        /// <summary>The value named <paramref name="name"/>, or -1.</summary>
        public int ValueOf(string name)
        {
            if (name == null)
            {
                return -1;
            }

            for (int i = 0; i < _names.Length; i++)
            {
                if (_names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
