using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentPhone.Conformance;

/// <summary>
/// The parts of C# that nanoFramework 1.x cannot run, found in the syntax tree. Most of them
/// would also fail to compile against nanoFramework's libraries, but with a compiler message that does
/// not say why; these rules say what the construct is and what to write instead. A few
/// (declaring your own generic type) would compile and only fail on the device.
/// </summary>
internal sealed class SubsetRules : CSharpSyntaxWalker
{
    private const string Generics = "generic types and methods do not exist on nanoFramework 1.x; use ArrayList, Hashtable or a typed array";
    private const string Nullables = "nullable value types (Nullable<T>) do not exist on nanoFramework; use a sentinel value or a separate flag";
    private const string Async = "async/await needs Task, which nanoFramework lacks; use a Thread, a Timer or an event";
    private const string Linq = "LINQ does not exist on nanoFramework; write the loop";

    private readonly SemanticModel _model;
    private readonly Action<Location, string> _report;

    public SubsetRules(SemanticModel model, Action<Location, string> report)
    {
        _model = model;
        _report = report;
    }

    public override void VisitGenericName(GenericNameSyntax node)
    {
        _report(node.GetLocation(), $"{node}: {Generics}");
        // The type arguments are part of the same finding.
    }

    public override void VisitTypeParameterList(TypeParameterListSyntax node)
    {
        _report(node.GetLocation(), $"type parameters {node}: {Generics}");
    }

    public override void VisitNullableType(NullableTypeSyntax node)
    {
        ITypeSymbol? element = _model.GetTypeInfo(node.ElementType).Type;
        if (element is not null && (element.IsValueType || element.TypeKind == TypeKind.Error))
        {
            _report(node.GetLocation(), $"{node}: {Nullables}");
        }

        base.VisitNullableType(node);
    }

    public override void VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        CheckAsync(node.Modifiers, node.Identifier);
        if (node.Parent is InterfaceDeclarationSyntax && (node.Body is not null || node.ExpressionBody is not null))
        {
            _report(node.Identifier.GetLocation(), $"interface method {node.Identifier} has a body: default interface methods do not run on nanoFramework");
        }

        base.VisitMethodDeclaration(node);
    }

    public override void VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        CheckAsync(node.Modifiers, node.Identifier);
        base.VisitLocalFunctionStatement(node);
    }

    public override void VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        if (node.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword))
        {
            _report(node.GetLocation(), $"async lambda: {Async}");
        }

        base.VisitParenthesizedLambdaExpression(node);
    }

    public override void VisitAwaitExpression(AwaitExpressionSyntax node)
    {
        _report(node.GetLocation(), $"await: {Async}");
        base.VisitAwaitExpression(node);
    }

    public override void VisitUsingDirective(UsingDirectiveSyntax node)
    {
        if (node.NamespaceOrType.ToString() == "System.Linq")
        {
            _report(node.GetLocation(), $"using System.Linq: {Linq}");
        }

        base.VisitUsingDirective(node);
    }

    public override void VisitQueryExpression(QueryExpressionSyntax node)
    {
        _report(node.GetLocation(), $"query expression: {Linq}");
    }

    public override void VisitTupleType(TupleTypeSyntax node)
    {
        _report(node.GetLocation(), $"tuple type {node}: tuples need ValueTuple, which nanoFramework lacks; use a small class");
    }

    public override void VisitTupleExpression(TupleExpressionSyntax node)
    {
        _report(node.GetLocation(), $"tuple {node}: tuples need ValueTuple, which nanoFramework lacks; use a small class");
    }

    public override void VisitRecordDeclaration(RecordDeclarationSyntax node)
    {
        _report(node.GetLocation(), $"record {node.Identifier}: records do not run on nanoFramework; use a class");
        base.VisitRecordDeclaration(node);
    }

    public override void VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        if (node.IsKind(SyntaxKind.InitAccessorDeclaration))
        {
            _report(node.GetLocation(), "init accessor: init-only setters need IsExternalInit, which nanoFramework lacks; use a constructor");
        }

        base.VisitAccessorDeclaration(node);
    }

    public override void VisitIdentifierName(IdentifierNameSyntax node)
    {
        if (node.Identifier.Text == "dynamic" && _model.GetTypeInfo(node).Type?.TypeKind == TypeKind.Dynamic)
        {
            _report(node.GetLocation(), "dynamic: nanoFramework has no dynamic binder");
        }

        base.VisitIdentifierName(node);
    }

    public override void VisitPointerType(PointerTypeSyntax node)
    {
        _report(node.GetLocation(), $"pointer type {node}: unsafe code does not run on nanoFramework");
        base.VisitPointerType(node);
    }

    public override void VisitStackAllocArrayCreationExpression(StackAllocArrayCreationExpressionSyntax node)
    {
        _report(node.GetLocation(), "stackalloc: unsafe code does not run on nanoFramework");
        base.VisitStackAllocArrayCreationExpression(node);
    }

    public override void VisitUnsafeStatement(UnsafeStatementSyntax node)
    {
        _report(node.GetLocation(), "unsafe block: unsafe code does not run on nanoFramework");
        base.VisitUnsafeStatement(node);
    }

    private void CheckAsync(SyntaxTokenList modifiers, SyntaxToken name)
    {
        if (modifiers.Any(SyntaxKind.AsyncKeyword))
        {
            _report(name.GetLocation(), $"async method {name}: {Async}");
        }
    }
}
