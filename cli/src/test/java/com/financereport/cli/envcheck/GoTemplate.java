package com.financereport.cli.envcheck;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The subset of Go's {@code text/template} that the Vault agent template uses, parsed and rendered
 * as consul-template would: text and actions ({@code {{ }}} with the {@code {{-}}/{@code -}}} trim
 * markers), comments, {@code with}/{@code if}/{@code range}/{@code else}/{@code end}, pipelines with
 * {@code |}, function calls, parenthesised sub-expressions, string literals (interpreted and raw),
 * {@code .} and field chains such as {@code .Data.data.KEY}. What lies outside that subset, or
 * breaks Go's grammar (an undefined function, a stray token, an unclosed action), is a parse error,
 * as it is for consul-template.
 *
 * <p>Test code: consul-template cannot run here, so this stands in for its parser.
 */
final class GoTemplate {
  /** A template function: its arguments, in order, to its value. */
  interface TemplateFunction extends Function<List<Object>, Object> {}

  private final List<Node> nodes;

  private GoTemplate(List<Node> nodes) {
    this.nodes = nodes;
  }

  /**
   * @param functions the functions the template may call (consul-template's {@code env}, {@code
   *     secret}, …, plus Go's {@code printf}); calling any other is a parse error, as in Go
   * @throws IllegalArgumentException on a parse error, saying where
   */
  static GoTemplate parse(String text, Map<String, TemplateFunction> functions) {
    return new GoTemplate(new Parser(text, functions).document());
  }

  String render(Object data) {
    StringBuilder out = new StringBuilder();
    render(nodes, data, out);
    return out.toString();
  }

  // --- the tree -------------------------------------------------------------------------------

  private sealed interface Node permits Text, Print, Block {}

  private record Text(String text) implements Node {}

  private record Print(Pipeline pipeline) implements Node {}

  private record Block(String keyword, Pipeline pipeline, List<Node> body, List<Node> otherwise)
      implements Node {}

  private record Pipeline(List<Command> commands) {}

  /** The first operand is a function name, or the command is a single operand. */
  private record Command(TemplateFunction function, String name, List<Operand> operands) {}

  private sealed interface Operand permits Literal, Fields, Sub {}

  private record Literal(String value) implements Operand {}

  /** {@code .} (empty list) or {@code .A.b.c}. */
  private record Fields(List<String> names) implements Operand {}

  private record Sub(Pipeline pipeline) implements Operand {}

  // --- rendering ------------------------------------------------------------------------------

  private static void render(List<Node> nodes, Object dot, StringBuilder out) {
    for (Node node : nodes) {
      if (node instanceof Text text) {
        out.append(text.text());
      } else if (node instanceof Print print) {
        Object value = evaluate(print.pipeline(), dot);
        // Go prints a missing value as "<no value>", which would land in the env file.
        out.append(value == null ? "<no value>" : value.toString());
      } else if (node instanceof Block block) {
        Object value = evaluate(block.pipeline(), dot);
        if (!truthy(value)) {
          render(block.otherwise(), dot, out);
        } else if (block.keyword().equals("with")) {
          render(block.body(), value, out);
        } else if (block.keyword().equals("if")) {
          render(block.body(), dot, out);
        } else {
          Collection<?> items = value instanceof Map<?, ?> map ? map.values() : (Collection<?>) value;
          items.forEach(item -> render(block.body(), item, out));
        }
      }
    }
  }

  private static Object evaluate(Pipeline pipeline, Object dot) {
    Object previous = null;
    boolean first = true;
    for (Command command : pipeline.commands()) {
      List<Object> args = new ArrayList<>();
      for (Operand operand : command.operands()) {
        args.add(evaluate(operand, dot));
      }
      if (!first) {
        args.add(previous);
      }
      if (command.function() != null) {
        previous = command.function().apply(args);
      } else if (args.size() == 1) {
        previous = args.get(0);
      } else {
        throw new IllegalArgumentException("can't give an argument to a non-function in " + command);
      }
      first = false;
    }
    return previous;
  }

  private static Object evaluate(Operand operand, Object dot) {
    if (operand instanceof Literal literal) {
      return literal.value();
    }
    if (operand instanceof Sub sub) {
      return evaluate(sub.pipeline(), dot);
    }
    Object value = dot;
    for (String name : ((Fields) operand).names()) {
      if (value == null) {
        throw new IllegalArgumentException("nil pointer evaluating ." + name);
      }
      if (!(value instanceof Map<?, ?> map)) {
        throw new IllegalArgumentException("can't evaluate field " + name + " in " + value.getClass());
      }
      value = map.get(name);
    }
    return value;
  }

  private static boolean truthy(Object value) {
    if (value == null || Boolean.FALSE.equals(value)) {
      return false;
    }
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    return !(value instanceof Number n) || n.doubleValue() != 0;
  }

  // --- parsing --------------------------------------------------------------------------------

  private static final class Parser {
    private final String text;
    private final Map<String, TemplateFunction> functions;
    private int pos;
    /** Tokens of the action being read. */
    private List<String> tokens;

    private int next;

    Parser(String text, Map<String, TemplateFunction> functions) {
      this.text = text;
      this.functions = functions;
    }

    List<Node> document() {
      List<Node> nodes = new ArrayList<>();
      String end = body(nodes);
      if (end != null) {
        throw error("unexpected {{" + end + "}}");
      }
      return nodes;
    }

    /** Reads nodes until {{end}} or {{else}} (returned) or the end of the text (null). */
    private String body(List<Node> nodes) {
      while (pos < text.length()) {
        int open = text.indexOf("{{", pos);
        if (open < 0) {
          nodes.add(new Text(text.substring(pos)));
          pos = text.length();
          break;
        }
        boolean trimLeft = text.startsWith("{{- ", open);
        String before = text.substring(pos, open);
        if (trimLeft) {
          before = before.stripTrailing();
        }
        if (!before.isEmpty()) {
          nodes.add(new Text(before));
        }
        pos = open + (trimLeft ? 4 : 2);
        if (text.startsWith("/*", pos)) {
          comment();
          continue;
        }
        readAction();
        String keyword = tokens.isEmpty() ? "" : tokens.get(0);
        switch (keyword) {
          case "end", "else" -> {
            if (tokens.size() != 1) {
              throw error("unexpected " + tokens.get(1) + " in " + keyword);
            }
            return keyword;
          }
          case "with", "if", "range" -> {
            next = 1;
            Pipeline pipeline = pipeline(false);
            List<Node> inner = new ArrayList<>();
            List<Node> otherwise = new ArrayList<>();
            String closing = body(inner);
            if ("else".equals(closing)) {
              closing = body(otherwise);
            }
            if (!"end".equals(closing)) {
              throw error("unexpected EOF: {{" + keyword + "}} has no {{end}}");
            }
            nodes.add(new Block(keyword, pipeline, inner, otherwise));
          }
          case "" -> throw error("missing value for command");
          default -> {
            if (functions.containsKey(keyword) || keyword.startsWith(".") || keyword.startsWith("\"")
                || keyword.startsWith("`") || keyword.equals("(")) {
              next = 0;
              nodes.add(new Print(pipeline(false)));
            } else {
              throw error("function \"" + keyword + "\" not defined");
            }
          }
        }
      }
      return null;
    }

    private void comment() {
      int close = text.indexOf("*/", pos);
      if (close < 0) {
        throw error("unclosed comment");
      }
      pos = close + 2;
      if (text.startsWith(" -}}", pos)) {
        pos += 4;
        skipLeadingSpace();
      } else if (text.startsWith("}}", pos)) {
        pos += 2;
      } else {
        throw error("comment ends before closing delimiter");
      }
    }

    /** Lexes the action from {@code pos} to its closing {@code }}} into {@link #tokens}. */
    private void readAction() {
      tokens = new ArrayList<>();
      while (true) {
        if (pos >= text.length()) {
          throw error("unclosed action");
        }
        char c = text.charAt(pos);
        if (text.startsWith(" -}}", pos)) {
          pos += 4;
          skipLeadingSpace();
          return;
        }
        if (text.startsWith("}}", pos)) {
          pos += 2;
          return;
        }
        if (c == '\n') {
          throw error("unclosed action (newline inside {{ }})");
        }
        if (Character.isWhitespace(c)) {
          pos++;
        } else if (c == '"') {
          tokens.add(quoted());
        } else if (c == '`') {
          int close = text.indexOf('`', pos + 1);
          if (close < 0) {
            throw error("unterminated raw string");
          }
          tokens.add(text.substring(pos, close + 1));
          pos = close + 1;
        } else if (c == '(' || c == ')' || c == '|') {
          tokens.add(String.valueOf(c));
          pos++;
        } else if (Character.isLetterOrDigit(c) || c == '.' || c == '_') {
          int start = pos;
          while (pos < text.length()
              && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.' || text.charAt(pos) == '_')) {
            pos++;
          }
          tokens.add(text.substring(start, pos));
        } else {
          throw error("unexpected \"" + c + "\" in command");
        }
      }
    }

    private String quoted() {
      StringBuilder token = new StringBuilder("\"");
      pos++;
      while (true) {
        if (pos >= text.length() || text.charAt(pos) == '\n') {
          throw error("unterminated quoted string");
        }
        char c = text.charAt(pos++);
        if (c == '\\') {
          char escaped = text.charAt(pos++);
          token.append(
              switch (escaped) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case '"', '\\' -> escaped;
                default -> throw error("unknown escape sequence \\" + escaped);
              });
        } else if (c == '"') {
          return token.append('"').toString();
        } else {
          token.append(c);
        }
      }
    }

    private void skipLeadingSpace() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    /** command ('|' command)*, up to the end of the action or, inside parentheses, the ')'. */
    private Pipeline pipeline(boolean inParentheses) {
      List<Command> commands = new ArrayList<>();
      while (true) {
        commands.add(command());
        if (next < tokens.size() && tokens.get(next).equals("|")) {
          next++;
          continue;
        }
        break;
      }
      if (inParentheses) {
        if (next >= tokens.size() || !tokens.get(next).equals(")")) {
          throw error("unclosed left paren");
        }
        next++;
      } else if (next < tokens.size()) {
        throw error("unexpected \"" + tokens.get(next) + "\" in operand");
      }
      return new Pipeline(commands);
    }

    private Command command() {
      if (next >= tokens.size()) {
        throw error("missing value for command");
      }
      String head = tokens.get(next);
      TemplateFunction function = null;
      if (isIdentifier(head)) {
        function = functions.get(head);
        if (function == null) {
          throw error("function \"" + head + "\" not defined");
        }
        next++;
      }
      List<Operand> operands = new ArrayList<>();
      while (next < tokens.size() && !tokens.get(next).equals("|") && !tokens.get(next).equals(")")) {
        operands.add(operand());
      }
      if (function == null && operands.size() != 1) {
        throw error(operands.isEmpty() ? "missing value for command" : "unexpected operand after " + head);
      }
      return new Command(function, head, operands);
    }

    private Operand operand() {
      String token = tokens.get(next++);
      if (token.equals("(")) {
        return new Sub(pipeline(true));
      }
      if (token.startsWith("\"")) {
        return new Literal(token.substring(1, token.length() - 1));
      }
      if (token.startsWith("`")) {
        return new Literal(token.substring(1, token.length() - 1));
      }
      if (token.startsWith(".")) {
        List<String> names = new ArrayList<>();
        for (String name : token.substring(1).split("\\.", -1)) {
          if (!name.isEmpty()) {
            names.add(name);
          } else if (!token.equals(".")) {
            throw error("bad field chain " + token);
          }
        }
        return new Fields(names);
      }
      throw error(
          isIdentifier(token)
              ? "function \"" + token + "\" not defined"
              : "unexpected \"" + token + "\" in operand");
    }

    private static boolean isIdentifier(String token) {
      return !token.isEmpty() && (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_');
    }

    private IllegalArgumentException error(String message) {
      int line = 1;
      for (int i = 0; i < Math.min(pos, text.length()); i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      return new IllegalArgumentException("template: line " + line + ": " + message);
    }
  }
}
