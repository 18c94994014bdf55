package io.migbench.engine.sqlserver.tsql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a T-SQL expression as SQL Server stores it in its catalog ({@code ([Qty]>(0))}, {@code (N'x')},
 * {@code (getdate())}) into tokens: identifiers bare, {@code [bracketed]} or {@code "quoted"}, numbers, strings
 * ({@code N'...'} too, {@code ''} for a quote), binary {@code 0x..} and money {@code $1.5} literals, operators.
 */
final class TsqlLexer {
    private static final String[] OPERATORS = {"<>", "!=", "<=", ">=", "!<", "!>", "+", "-", "*", "/", "%", "=", "<",
            ">", "(", ")", ",", ".", "&", "|", "^", "~"};

    private final String text;
    private int pos;

    private TsqlLexer(String text) {
        this.text = text;
    }

    static List<TsqlToken> tokens(String text) {
        return new TsqlLexer(text).all();
    }

    private List<TsqlToken> all() {
        List<TsqlToken> out = new ArrayList<>();
        while (true) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= text.length()) {
                out.add(new TsqlToken(TsqlToken.Type.END, "", pos));
                return out;
            }
            out.add(next());
        }
    }

    private TsqlToken next() {
        int start = pos;
        char c = text.charAt(pos);
        if (c == '[') {
            return new TsqlToken(TsqlToken.Type.QUOTED_IDENTIFIER, delimited(']'), start);
        }
        if (c == '"') {
            return new TsqlToken(TsqlToken.Type.QUOTED_IDENTIFIER, delimited('"'), start);
        }
        if (c == '\'') {
            return new TsqlToken(TsqlToken.Type.STRING, delimited('\''), start);
        }
        if ((c == 'N' || c == 'n') && pos + 1 < text.length() && text.charAt(pos + 1) == '\'') {
            pos++;
            return new TsqlToken(TsqlToken.Type.NSTRING, delimited('\''), start);
        }
        if (c == '0' && pos + 1 < text.length() && (text.charAt(pos + 1) == 'x' || text.charAt(pos + 1) == 'X')) {
            pos += 2;
            int digits = pos;
            while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0) {
                pos++;
            }
            return new TsqlToken(TsqlToken.Type.BINARY, text.substring(digits, pos), start);
        }
        if (c == '$') {
            pos++;
            TsqlToken number = number(pos);
            return new TsqlToken(TsqlToken.Type.MONEY, number.text(), start);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return number(start);
        }
        if (Character.isLetter(c) || c == '_' || c == '@' || c == '#') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "_@#$".indexOf(text.charAt(pos)) >= 0)) {
                pos++;
            }
            return new TsqlToken(TsqlToken.Type.IDENTIFIER, text.substring(start, pos), start);
        }
        for (String op : OPERATORS) {
            if (text.startsWith(op, pos)) {
                pos += op.length();
                return new TsqlToken(TsqlToken.Type.OPERATOR, op, start);
            }
        }
        throw new TsqlSyntaxException("unexpected character '" + c + "' at " + start);
    }

    private TsqlToken number(int start) {
        boolean fraction = false;
        boolean exponent = false;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isDigit(c)) {
                pos++;
            } else if (c == '.' && !fraction && !exponent) {
                fraction = true;
                pos++;
            } else if ((c == 'e' || c == 'E') && !exponent) {
                exponent = true;
                pos++;
                if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                    pos++;
                }
            } else {
                break;
            }
        }
        TsqlToken.Type type = exponent ? TsqlToken.Type.FLOAT : fraction ? TsqlToken.Type.DECIMAL : TsqlToken.Type.INTEGER;
        return new TsqlToken(type, text.substring(start, pos), start);
    }

    /** Content between {@code close}-delimiters (the opening one at pos), a doubled delimiter standing for one. */
    private String delimited(char close) {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == close) {
                if (pos < text.length() && text.charAt(pos) == close) {
                    sb.append(close);
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
        throw new TsqlSyntaxException("unterminated " + close + " from " + start);
    }
}
