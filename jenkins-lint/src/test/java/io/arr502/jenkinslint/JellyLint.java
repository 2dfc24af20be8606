package io.arr502.jenkinslint;

import org.apache.commons.jelly.JellyContext;
import org.apache.commons.jelly.JellyException;
import org.apache.commons.jelly.TagLibrary;
import org.apache.commons.jelly.expression.ConstantExpression;
import org.apache.commons.jelly.expression.Expression;
import org.apache.commons.jelly.expression.ExpressionFactory;
import org.apache.commons.jelly.expression.jexl.JexlExpressionFactory;
import org.apache.commons.jelly.parser.XMLParser;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a Jelly view the way Jenkins does before it renders anything: commons-jelly's XML parser compiles
 * every {@code ${…}} in attributes and text, plain expressions with JEXL 1.x, and {@code ${%…}} as Stapler's
 * InternationalizedStringExpression does: text up to the first '(' is the key, the rest comma-separated
 * JEXL arguments up to ')'. So {@code ${%Interval (minutes)}} is the key "Interval " with the argument
 * {@code minutes}, and {@code ${%… (Windows agents)}} does not parse at all ("Encountered agents"), which
 * in Jenkins turns the page into HTTP 500. Keys with parentheses are refused here unless the view's
 * properties define the key (then the parentheses are meant as arguments).
 * <p>
 * Stricter than Jenkins in one known way: Jenkins bundles a fork of JEXL 1.1 (1.1-jenkins-20111212) that
 * adds the ternary and elvis operators, which commons-jexl 1.1 from Maven Central refuses; the views use
 * {@code j:if}/{@code j:choose} instead.
 */
final class JellyLint {
    /** Stapler's resource literals inside an expression: "%key" or '%key'. */
    private static final Pattern RESOURCE_LITERAL = Pattern.compile("(\"%[^\"]+\")|('%[^']+')");

    private JellyLint() {
    }

    /**
     * @param name     the view's name in messages
     * @param viewKeys keys of the view's own properties file, empty when it has none
     * @return one line per problem; empty when Jenkins would compile the view
     */
    static List<String> check(String name, String jelly, Set<String> viewKeys) {
        List<String> problems = new ArrayList<>();
        XMLParser parser = new XMLParser();
        JellyContext context = new JellyContext();
        // Stapler's own tags (st:include, st:adjunct, …): their attributes are compiled like any tag's
        context.registerTagLibrary("jelly:stapler", new TagLibrary() { });
        parser.setContext(context);
        parser.setExpressionFactory(new StaplerLikeFactory(name, viewKeys, problems));
        try {
            InputSource in = new InputSource(new StringReader(jelly));
            in.setSystemId(name);
            parser.parse(in);
        } catch (SAXException | IOException | RuntimeException e) {
            problems.add(name + ": does not parse: " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
        }
        if (!jelly.contains("<?jelly escape-by-default='true'?>")) {
            problems.add(name + ": lacks <?jelly escape-by-default='true'?>");
        }
        return problems;
    }

    /** Stapler's expression factory (CustomJellyContext.CustomXMLParser), recording problems instead of stopping at the first. */
    private record StaplerLikeFactory(String name, Set<String> viewKeys, List<String> problems) implements ExpressionFactory {
        @Override
        public Expression createExpression(String text) {
            if (text.startsWith("%")) {
                i18n(text);
                return new ConstantExpression(text);
            }
            Matcher m = RESOURCE_LITERAL.matcher(text);
            StringBuilder rest = new StringBuilder();
            int end = 0;
            int n = 0;
            while (m.find()) {
                i18n(m.group().substring(1, m.group().length() - 1));
                rest.append(text, end, m.start()).append("__resourceLiteral__").append(n++).append("__");
                end = m.end();
            }
            rest.append(text.substring(end));
            jexl(rest.toString(), "${" + text + "}");
            return new ConstantExpression(text);
        }

        private void jexl(String expression, String shown) {
            try {
                new JexlExpressionFactory().createExpression(expression);
            } catch (JellyException | RuntimeException e) {
                problems.add(name + ": " + shown + " is not a JEXL 1.x expression: " + rootMessage(e));
            }
        }

        private void i18n(String text) {
            String body = text.substring(1);
            int open = body.indexOf('(');
            String key = open < 0 ? body : body.substring(0, open);
            if (open < 0 && !key.contains(")")) {
                return;
            }
            if (open < 0 || !viewKeys.contains(key)) {
                problems.add(name + ": ${" + text + "} has parentheses in its localization key: Jenkins reads '(…)' as message "
                        + "arguments (key '" + key + "'); reword the key without them");
            }
            if (open >= 0) {
                arguments(text, body.substring(open + 1));
            }
        }

        /** Stapler's tokenizer: parenthesis-balanced, comma-separated arguments, each a JEXL expression. */
        private void arguments(String text, String args) {
            while (!args.isEmpty()) {
                int depth = 0;
                int i = 0;
                int cut = -1;
                for (; i < args.length() && cut < 0; i++) {
                    char ch = args.charAt(i);
                    switch (ch) {
                        case ',' -> cut = depth == 0 ? i : -1;
                        case '(', '{', '[' -> depth++;
                        case ')' -> {
                            if (depth == 0) {
                                cut = i;
                            } else {
                                depth--;
                            }
                        }
                        case '}', ']' -> depth--;
                        case '"', '\'' -> {
                            int close = args.indexOf(ch, i + 1);
                            i = close < 0 ? args.length() : close;
                        }
                        default -> { }
                    }
                }
                if (cut < 0) {
                    problems.add(name + ": ${" + text + "} is missing ')' at the end");
                    return;
                }
                jexl(args.substring(0, cut), "argument '" + args.substring(0, cut) + "' of ${" + text + "}");
                args = args.substring(cut + 1);
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.lines().findFirst().orElse(m).trim();
    }
}
