package io.feedhandler.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads typed values out of a resolved profile and collects every problem instead of stopping at
 * the first, so an operator fixes a profile in one pass. Each problem is one sentence:
 * {@code profile <source>: <key> <what it must be> (got <what it is> <where it came from>)}.
 *
 * <p>It also remembers every key a section asked for: whatever else the profile holds is a typo
 * or a key of a newer version, and is reported by {@link #reportUnknownKeys()}.
 */
final class ProfileReader
{
    /** Origin description of values given with {@code --set}. */
    static final String SET_ORIGIN = "--set";
    /** Origin description prefix of values taken from the environment. */
    static final String ENVIRONMENT_ORIGIN = "environment variable";

    private final String source;
    private final Config config;
    private final List<String> errors = new ArrayList<>();
    private final Set<String> known = new LinkedHashSet<>();
    private final Set<String> passThrough = new HashSet<>();
    private final Set<String> reported = new HashSet<>();

    ProfileReader(final String source, final Config config)
    {
        this.source = source;
        this.config = config;
    }

    /** @return every problem recorded so far. */
    List<String> errors()
    {
        return errors;
    }

    /**
     * @param path a key, e.g. {@code kafka.topics.partitions}.
     * @return its value; empty if missing or {@code null}.
     */
    Optional<ConfigValue> value(final String path)
    {
        known.add(path);
        try
        {
            return config.hasPath(path) ? Optional.of(config.getValue(path)) : Optional.empty();
        }
        catch (final ConfigException ex)
        {
            error(path + " cannot be read: " + ex.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The text of a scalar (string, number or boolean).
     *
     * @param path     the key.
     * @param required record a problem if it is missing.
     * @param mustBe   what it must be, for the problem's sentence, e.g. {@code "a whole number"}.
     * @return its text; empty if missing or not a scalar (a problem is then recorded).
     */
    Optional<String> text(final String path, final boolean required, final String mustBe)
    {
        final Optional<ConfigValue> value = value(path);
        if (value.isEmpty())
        {
            if (required)
            {
                missing(path, "must be set: " + mustBe);
            }
            return Optional.empty();
        }
        if (!isScalar(value.get()))
        {
            invalid(path, "must be " + mustBe);
            return Optional.empty();
        }
        return Optional.of(String.valueOf(value.get().unwrapped()));
    }

    /**
     * @param path    the key, required.
     * @param pattern the whole text must match it.
     * @param mustBe  what it must be, for the problem's sentence.
     * @return its text; {@code ""} after a problem.
     */
    String matching(final String path, final Pattern pattern, final String mustBe)
    {
        final Optional<String> text = text(path, true, mustBe);
        if (text.isPresent() && !pattern.matcher(text.get()).matches())
        {
            invalid(path, "must be " + mustBe);
            return "";
        }
        return text.orElse("");
    }

    /**
     * @param path the key, required.
     * @param min  smallest value allowed.
     * @param max  largest value allowed.
     * @return its value; {@code min} after a problem.
     */
    long wholeNumber(final String path, final long min, final long max)
    {
        final String mustBe = "a whole number from " + min + " to " + max;
        final Optional<String> text = text(path, true, mustBe);
        if (text.isEmpty())
        {
            return min;
        }
        final Optional<Long> number = parseLong(text.get());
        if (number.isEmpty() || number.get() < min || number.get() > max)
        {
            invalid(path, "must be " + mustBe);
            return min;
        }
        return number.get();
    }

    /**
     * @param path the key, required.
     * @return its value; {@code false} after a problem.
     */
    boolean flag(final String path)
    {
        final Optional<String> text = text(path, true, "true or false");
        if (text.isEmpty())
        {
            return false;
        }
        return switch (text.get())
        {
            case "true" -> true;
            case "false" -> false;
            default ->
            {
                invalid(path, "must be true or false");
                yield false;
            }
        };
    }

    /**
     * @param path    the key, required.
     * @param choices every value allowed, by its name in a profile, in the order to list them.
     * @param <T>     what a choice stands for.
     * @return the choice; empty after a problem.
     */
    <T> Optional<T> choice(final String path, final Map<String, T> choices)
    {
        final String mustBe = "one of " + String.join(", ", choices.keySet());
        final Optional<String> text = text(path, true, mustBe);
        if (text.isEmpty())
        {
            return Optional.empty();
        }
        final T chosen = choices.get(text.get());
        if (chosen == null)
        {
            invalid(path, "must be " + mustBe);
            return Optional.empty();
        }
        return Optional.of(chosen);
    }

    /**
     * Choices named after the constants of an enum, in profile spelling ({@code BUSY_SPIN} is
     * {@code busy-spin}).
     */
    static <E extends Enum<E>> Map<String, E> choicesOf(final Class<E> type, final Function<E, String> name)
    {
        final Map<String, E> choices = new LinkedHashMap<>();
        for (final E constant : type.getEnumConstants())
        {
            choices.put(name.apply(constant), constant);
        }
        return choices;
    }

    /**
     * Every leaf under {@code path}, for a section that is passed through rather than read key by
     * key (Kafka's producer properties). Its keys are not reported as unknown.
     *
     * @param path the section.
     * @return leaf keys relative to {@code path} (dotted, quotes removed) and their values, sorted.
     */
    Map<String, ConfigValue> leaves(final String path)
    {
        passThrough.add(path);
        final Map<String, ConfigValue> leaves = new LinkedHashMap<>();
        final Optional<ConfigValue> section = value(path);
        if (section.isEmpty())
        {
            return leaves;
        }
        if (section.get().valueType() != ConfigValueType.OBJECT)
        {
            invalid(path, "must be a section { ... }");
            return leaves;
        }
        final Config sub = config.getConfig(path);
        final Set<String> keys = new TreeSet<>();
        sub.entrySet().forEach(entry -> keys.add(entry.getKey()));
        for (final String key : keys)
        {
            leaves.put(String.join(".", ConfigUtil.splitPath(key)), sub.getValue(key));
        }
        return leaves;
    }

    /**
     * Record a problem with a value that is present.
     *
     * @param path   the key.
     * @param mustBe the rest of the sentence after the key, e.g. {@code "must be 'all' for idempotence"}.
     */
    void invalid(final String path, final String mustBe)
    {
        final String found = value(path).map(this::found).orElse("missing");
        reported.add(path);
        error(path + " " + mustBe + " (got " + found + ")");
    }

    /**
     * Record a problem with a secret's value without repeating the value (messages end up in logs
     * and the journal).
     *
     * @param path   the key.
     * @param mustBe the rest of the sentence after the key.
     */
    void invalidSecret(final String path, final String mustBe)
    {
        final String where = value(path).map(value -> where(value.origin())).orElse("missing");
        reported.add(path);
        error(path + " " + mustBe + " (got a value written out, not shown, " + where + ")");
    }

    /**
     * Record a key that must be there and is not.
     *
     * @param path   the key.
     * @param mustBe the rest of the sentence after the key, e.g. {@code "must be set explicitly"}.
     */
    void missing(final String path, final String mustBe)
    {
        if (isUnderAValue(path))
        {
            return;
        }
        reported.add(path);
        error(path + " " + mustBe + " (missing)");
    }

    /**
     * Record a problem that is not about one key's value.
     *
     * @param sentence names the key(s) and what is wrong.
     */
    void error(final String sentence)
    {
        errors.add("profile " + source + ": " + sentence);
    }

    /**
     * Report every key in the profile that no section asked for: a typo ({@code kafka.topic.partitions})
     * would otherwise silently leave the default in force.
     */
    void reportUnknownKeys()
    {
        final Set<String> keys = new TreeSet<>();
        config.entrySet().forEach(entry -> keys.add(entry.getKey()));
        for (final String key : keys)
        {
            if (known.contains(key) || reported.contains(key) || isUnder(key, passThrough) || isUnder(key, reported))
            {
                continue;
            }
            final ConfigValue value = config.getValue(key);
            if (isSection(key))
            {
                error(key + " must be a section { ... } (got " + found(value) + ")");
            }
            else
            {
                error(key + " is not a profile key; " + knownKeysNear(key) + " (got " + found(value) + ")");
            }
        }
    }

    /** @return e.g. {@code known keys under kafka.topics: create, partitions, replication-factor}. */
    private String knownKeysNear(final String key)
    {
        final List<String> elements = ConfigUtil.splitPath(key);
        for (int depth = elements.size() - 1; depth >= 0; depth--)
        {
            final String parent = depth == 0 ? "" : ConfigUtil.joinPath(elements.subList(0, depth));
            final String prefix = parent.isEmpty() ? "" : parent + ".";
            final Set<String> children = new TreeSet<>();
            for (final String candidate : known)
            {
                if (candidate.startsWith(prefix) && !isUnder(candidate, passThrough))
                {
                    children.add(ConfigUtil.splitPath(candidate.substring(prefix.length())).get(0));
                }
            }
            if (!children.isEmpty())
            {
                return "known keys " + (parent.isEmpty() ? "at the top" : "under " + parent) + ": " +
                    String.join(", ", children);
            }
        }
        return "no keys are known";
    }

    /**
     * A key is missing because a parent holds a value where a section belongs ({@code pipeline =
     * fast}): say that once, about the parent, rather than once per key under it.
     */
    private boolean isUnderAValue(final String path)
    {
        final List<String> elements = ConfigUtil.splitPath(path);
        for (int depth = 1; depth < elements.size(); depth++)
        {
            final String parent = ConfigUtil.joinPath(elements.subList(0, depth));
            if (config.hasPath(parent) && config.getValue(parent).valueType() != ConfigValueType.OBJECT)
            {
                if (reported.add(parent))
                {
                    error(parent + " must be a section { ... } (got " + found(config.getValue(parent)) + ")");
                }
                return true;
            }
        }
        return false;
    }

    private boolean isSection(final String key)
    {
        for (final String candidate : known)
        {
            if (candidate.startsWith(key + "."))
            {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnder(final String key, final Set<String> sections)
    {
        for (final String section : sections)
        {
            if (key.startsWith(section + "."))
            {
                return true;
            }
        }
        return false;
    }

    private static boolean isScalar(final ConfigValue value)
    {
        final ConfigValueType type = value.valueType();
        return type == ConfigValueType.STRING || type == ConfigValueType.NUMBER || type == ConfigValueType.BOOLEAN;
    }

    private static Optional<Long> parseLong(final String text)
    {
        try
        {
            return Optional.of(Long.parseLong(text.trim()));
        }
        catch (final NumberFormatException ex)
        {
            return Optional.empty();
        }
    }

    /** @return e.g. {@code '1' at line 42}, {@code '1' from --set}, {@code a list ["a"] at line 3}. */
    String found(final ConfigValue value)
    {
        final String what = switch (value.valueType())
        {
            case OBJECT -> "a section " + value.render(ConfigRenderOptions.concise());
            case LIST -> "a list " + value.render(ConfigRenderOptions.concise());
            default -> "'" + value.unwrapped() + "'";
        };
        return what + " " + where(value.origin());
    }

    private String where(final ConfigOrigin origin)
    {
        final String description = origin.description();
        if (origin.lineNumber() < 0)
        {
            return "from " + description;
        }
        final String suffix = ": " + origin.lineNumber();
        final String name = description.endsWith(suffix)
            ? description.substring(0, description.length() - suffix.length())
            : description;
        return "at line " + origin.lineNumber() + (name.equals(source) ? "" : " of " + name);
    }
}
