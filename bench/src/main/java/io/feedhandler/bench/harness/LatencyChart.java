package io.feedhandler.bench.harness;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The latency harness's chart, drawn with Java2D (no plotting library in the build): latency by
 * percentile as HdrHistogram plots it (x: 1 / (1 - percentile) on a log axis, so 90 %, 99 %,
 * 99.9 % are equally spaced; y: microseconds, log), one colour per rate; the handler solid, Kafka's
 * producer dashed. Two panels: to {@code send()} returned, and to the broker's acknowledgement.
 */
final class LatencyChart
{
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 620;
    private static final int PANEL_WIDTH = 570;
    private static final int PANEL_HEIGHT = 440;
    private static final int TOP = 80;
    private static final double MAX_NINES = 5;
    private static final Color[] COLOURS = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd)};
    private static final Stroke SOLID = new BasicStroke(2.2f);
    private static final Stroke DASHED = new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
        new float[] {8f, 5f}, 0f);

    private LatencyChart()
    {
    }

    static void write(final Path file, final List<LatencyHarness.Row> rows, final String title) throws IOException
    {
        final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(title, 40, 32);
        panel(g, 80, "intended send -> send() returned (us)", rows, LatencyHarness.Row::toSend, LatencyHarness.Row::referenceToSend);
        panel(g, 770, "intended send -> broker ack (us)", rows, LatencyHarness.Row::toAck, LatencyHarness.Row::referenceToAck);
        // Legend.
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        int x = 80;
        final int y = HEIGHT - 28;
        for (int i = 0; i < rows.size(); i++)
        {
            g.setColor(COLOURS[i % COLOURS.length]);
            g.setStroke(SOLID);
            g.drawLine(x, y - 5, x + 30, y - 5);
            g.setColor(Color.BLACK);
            g.drawString(rows.get(i).label(), x + 36, y);
            x += 150;
        }
        g.setStroke(SOLID);
        g.drawLine(x, y - 5, x + 30, y - 5);
        g.drawString("feed handler", x + 36, y);
        x += 150;
        g.setStroke(DASHED);
        g.drawLine(x, y - 5, x + 30, y - 5);
        g.drawString("Kafka producer, same rate and settings", x + 36, y);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void panel(final Graphics2D g, final int left, final String name, final List<LatencyHarness.Row> rows,
        final Function<LatencyHarness.Row, Histogram> handler, final Function<LatencyHarness.Row, Histogram> reference)
    {
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (final LatencyHarness.Row row : rows)
        {
            for (final Histogram histogram : new Histogram[] {handler.apply(row), reference.apply(row)})
            {
                if (histogram.getTotalCount() > 0)
                {
                    lowest = Math.min(lowest, Math.max(1, histogram.getMinValue() / 1000.0));
                    highest = Math.max(highest, Math.max(1, histogram.getMaxValue() / 1000.0));
                }
            }
        }
        if (highest == 0)
        {
            return;
        }
        final double yMin = Math.floor(Math.log10(lowest));
        final double yMax = Math.max(yMin + 1, Math.ceil(Math.log10(highest)));
        final int bottom = TOP + PANEL_HEIGHT;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(Color.BLACK);
        g.drawString(name, left, TOP - 12);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setStroke(new BasicStroke(1f));
        for (double decade = yMin; decade <= yMax; decade++)
        {
            final int y = (int)(bottom - (decade - yMin) / (yMax - yMin) * PANEL_HEIGHT);
            g.setColor(new Color(0xdddddd));
            g.drawLine(left, y, left + PANEL_WIDTH, y);
            g.setColor(Color.BLACK);
            final double value = Math.pow(10, decade);
            g.drawString(value >= 1 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value),
                left - 52, y + 4);
        }
        final String[] ticks = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%"};
        for (int nines = 0; nines <= MAX_NINES; nines++)
        {
            final int x = left + (int)(nines / MAX_NINES * PANEL_WIDTH);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, TOP, x, bottom);
            g.setColor(Color.BLACK);
            g.drawString(ticks[nines], x - 14, bottom + 18);
        }
        g.drawString("percentile", left + PANEL_WIDTH / 2 - 30, bottom + 38);
        g.drawRect(left, TOP, PANEL_WIDTH, PANEL_HEIGHT);
        for (int i = 0; i < rows.size(); i++)
        {
            g.setColor(COLOURS[i % COLOURS.length]);
            curve(g, handler.apply(rows.get(i)), SOLID, left, bottom, yMin, yMax);
            curve(g, reference.apply(rows.get(i)), DASHED, left, bottom, yMin, yMax);
        }
    }

    private static void curve(final Graphics2D g, final Histogram histogram, final Stroke stroke, final int left,
        final int bottom, final double yMin, final double yMax)
    {
        if (histogram.getTotalCount() == 0)
        {
            return;
        }
        final Path2D.Double path = new Path2D.Double();
        boolean first = true;
        for (final HistogramIterationValue value : histogram.percentiles(5))
        {
            final double percentile = value.getPercentileLevelIteratedTo();
            final double nines = percentile >= 100 ? MAX_NINES : Math.min(MAX_NINES, Math.log10(100 / (100 - percentile)));
            final double micros = Math.max(Math.pow(10, yMin), value.getValueIteratedTo() / 1000.0);
            final double x = left + nines / MAX_NINES * PANEL_WIDTH;
            final double y = bottom - (Math.log10(micros) - yMin) / (yMax - yMin) * PANEL_HEIGHT;
            if (first)
            {
                path.moveTo(x, y);
                first = false;
            }
            else
            {
                path.lineTo(x, y);
            }
            if (percentile >= 100)
            {
                break;
            }
        }
        g.setStroke(stroke);
        g.draw(path);
    }
}
