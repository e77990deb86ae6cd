package org.civicgrid.plugin.mentalhealth.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A standard screening questionnaire as data: its items, the answer scale every item shares, the standard
 * bands of its total and the item, if any, whose positive answer needs immediate attention.
 *
 * @param code e.g. {@code PHQ-9}
 * @param name its Chinese name
 * @param period the period the items ask about
 * @param items the item texts, in order
 * @param scale the answer labels; an answer is the label's index (0 … size − 1)
 * @param standardBands the bands the instrument's authors publish
 * @param alertItem the 1-based item whose answer ≥ 1 raises an alert, or 0 for none
 */
public record Instrument(String code, String name, String period, List<String> items, List<String> scale,
                         List<String> standardBands, int alertItem) {

    private static final List<String> FREQUENCY = List.of("完全不会", "好几天", "一半以上的天数", "几乎每天");

    /** Patient Health Questionnaire-9 (depression); the Chinese version's items. */
    public static final Instrument PHQ_9 = new Instrument("PHQ-9", "患者健康问卷（PHQ-9）", "过去两周", List.of(
            "做事时提不起劲或没有兴趣",
            "感到心情低落、沮丧或绝望",
            "入睡困难、睡不安稳或睡眠过多",
            "感觉疲倦或没有活力",
            "食欲不振或吃太多",
            "觉得自己很糟，或觉得自己很失败，或让自己或家人失望",
            "对事物专注有困难，例如阅读报纸或看电视时",
            "动作或说话速度缓慢到别人已经觉察，或正好相反，烦躁或坐立不安、动来动去的情况更胜于平常",
            "有不如死掉或用某种方式伤害自己的念头"),
            FREQUENCY,
            List.of("minimal:0-4:LOW", "mild:5-9:LOW", "moderate:10-14:MODERATE",
                    "moderately-severe:15-19:HIGH", "severe:20-27:HIGH"),
            9);

    /** Generalized Anxiety Disorder-7; the Chinese version's items. */
    public static final Instrument GAD_7 = new Instrument("GAD-7", "广泛性焦虑量表（GAD-7）", "过去两周", List.of(
            "感觉紧张、焦虑或急切",
            "不能够停止或控制担忧",
            "对各种各样的事情担忧过多",
            "很难放松下来",
            "由于不安而无法静坐",
            "变得容易烦恼或急躁",
            "感到似乎将有可怕的事情发生而害怕"),
            FREQUENCY,
            List.of("minimal:0-4:LOW", "mild:5-9:LOW", "moderate:10-14:MODERATE", "severe:15-21:HIGH"),
            0);

    /** Every instrument the plug-in scores. */
    public static final List<Instrument> ALL = List.of(PHQ_9, GAD_7);

    public Instrument {
        items = List.copyOf(items);
        scale = List.copyOf(scale);
        standardBands = List.copyOf(standardBands);
    }

    /** The highest total: every item answered with the top of the scale. */
    public int maxScore() {
        return items.size() * (scale.size() - 1);
    }

    /** The standard bands as a checked table. */
    BandTable standardTable() {
        return BandTable.parse(standardBands.toArray(String[]::new), maxScore());
    }

    /** An instrument by its code, ignoring case and the hyphen ({@code phq9} is PHQ-9). */
    static Optional<Instrument> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().replace("-", "").toUpperCase(Locale.ROOT);
        return ALL.stream().filter(i -> i.code().replace("-", "").equals(wanted)).findFirst();
    }
}
