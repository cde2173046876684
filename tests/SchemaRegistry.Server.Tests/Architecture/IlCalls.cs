using System.Reflection;
using System.Reflection.Emit;

namespace SchemaRegistry.Server.Tests.Architecture;

/// <summary>
/// The methods and constructors every method body of an assembly calls, read from its IL (lambdas, local functions and
/// async state machines are methods of compiler-made types, so they are read too). A call is reported with the
/// outermost type that declares the calling code, the one a reader of the source sees.
/// </summary>
internal static class IlCalls
{
    private static readonly Dictionary<short, OpCode> Codes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public sealed record Call(Type Caller, MethodBase Method, string Site);

    public static IEnumerable<Call> Of(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            var owner = type;
            while (owner.DeclaringType is { } outer)
            {
                owner = outer;
            }
            foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
            {
                foreach (var callee in Callees(method))
                {
                    yield return new Call(owner, callee, $"{type.FullName}.{method.Name}");
                }
            }
        }
    }

    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return [];
        }
        var found = new List<MethodBase>();
        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            var code = Codes[value];
            at += code.Size;
            if (code.OperandType == OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, at);
                try
                {
                    if (method.Module.ResolveMethod(token, typeArguments, methodArguments) is { } callee)
                    {
                        found.Add(callee);
                    }
                }
                catch (ArgumentException)
                {
                    // A token of a generic context this walk does not reproduce: not a call these tests look for.
                }
            }
            at += OperandSize(code, il, at);
        }
        return found;
    }

    private static int OperandSize(OpCode code, byte[] il, int at) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (BitConverter.ToInt32(il, at) * 4),
        _ => 4,
    };
}
