// SPDX-License-Identifier: MIT
// Scenario parameter values as editable text, with the same checks and messages the loader (and so the CLI) gives.
#include "adapters/parameter_text.hpp"

#include "adapters/qt_text.hpp"

#include <cmath>
#include <cstdint>

namespace cybersim::gui
{

QString parameterText(const scenario::ParamValue& value)
{
    if (const auto* text = std::get_if<std::string>(&value))
        return toQString(*text);
    if (const auto* real = std::get_if<double>(&value))
        return toQString(scenario::formatReal(*real));
    return toQString(scenario::formatValue(value));
}

ParsedParameter parseParameterText(const scenario::ParameterInfo& info, const QString& text, const QString& keyPath)
{
    ParsedParameter parsed;
    const QString trimmed = text.trimmed();
    scenario::ParamValue value;
    bool ok = true;
    switch (info.type)
    {
    case scenario::ValueType::Real:
        value = trimmed.toDouble(&ok);
        break;
    case scenario::ValueType::Integer:
    {
        value = static_cast<std::int64_t>(trimmed.toLongLong(&ok));
        if (!ok)
        {
            // Let checkValue word the problem for a real ("is 1.5, expected an integer").
            const double real = trimmed.toDouble(&ok);
            if (ok)
                value = real;
        }
        break;
    }
    case scenario::ValueType::Bool:
        ok = trimmed == QLatin1String("true") || trimmed == QLatin1String("false");
        value = trimmed == QLatin1String("true");
        break;
    case scenario::ValueType::Text:
    case scenario::ValueType::Choice:
        value = toStdString(trimmed);
        break;
    }
    if (!ok)
    {
        parsed.problem = QStringLiteral("%1 is '%2', expected %3")
                             .arg(keyPath, trimmed,
                                  info.type == scenario::ValueType::Bool      ? QStringLiteral("true or false")
                                  : info.type == scenario::ValueType::Integer ? QStringLiteral("an integer")
                                                                              : QStringLiteral("a number"));
        return parsed;
    }
    if (const auto problem = info.checkValue(value))
    {
        parsed.problem = keyPath + QLatin1Char(' ') + toQString(*problem);
        return parsed;
    }
    parsed.value = std::move(value);
    return parsed;
}

QString parameterTooltip(const scenario::ParameterInfo& info)
{
    QString tip = QStringLiteral("<b>%1</b><br>%2")
                      .arg(toQString(info.key).toHtmlEscaped(), toQString(info.meaning).toHtmlEscaped());
    if (!info.unit.empty())
        tip += QStringLiteral("<br>unit: %1").arg(toQString(info.unit).toHtmlEscaped());
    tip += QStringLiteral("<br>%1: %2")
               .arg(info.type == scenario::ValueType::Choice ? QStringLiteral("choices") : QStringLiteral("range"),
                    toQString(info.rangeText()).toHtmlEscaped());
    tip += QStringLiteral("<br>default: %1").arg(parameterText(info.defaultValue).toHtmlEscaped());
    return tip;
}

QString listText(const std::vector<std::string>& values)
{
    QStringList parts;
    for (const auto& value : values)
        parts.push_back(toQString(value));
    return parts.join(QStringLiteral(", "));
}

QString listText(const std::vector<double>& values)
{
    QStringList parts;
    for (const double value : values)
        parts.push_back(toQString(scenario::formatReal(value)));
    return parts.join(QStringLiteral(", "));
}

QStringList splitListText(const QString& text)
{
    if (text.trimmed().isEmpty())
        return {};
    QStringList parts = text.split(QLatin1Char(','));
    for (auto& part : parts)
        part = part.trimmed();
    return parts;
}

ParsedRealList parseRealList(const QStringList& entries, const QString& keyPath)
{
    ParsedRealList parsed;
    for (qsizetype i = 0; i < entries.size(); ++i)
    {
        bool ok = false;
        const double value = entries[i].toDouble(&ok);
        if (!ok)
        {
            parsed.problem = QStringLiteral("%1[%2] is '%3', expected a number").arg(keyPath).arg(i).arg(entries[i]);
            parsed.values.clear();
            return parsed;
        }
        parsed.values.push_back(value);
    }
    return parsed;
}

QString listParameterTooltip(const scenario::ListParameterInfo& info)
{
    return QStringLiteral("<b>%1</b><br>%2<br>holds: %3<br>range: %4<br>default: %5<br>%6")
        .arg(toQString(info.key).toHtmlEscaped(), toQString(info.meaning).toHtmlEscaped(),
             toQString(info.type).toHtmlEscaped(), toQString(info.range).toHtmlEscaped(),
             toQString(info.defaultText).toHtmlEscaped(),
             info.type == "real table" ? QStringLiteral("row = own act, column = the partner's act")
                                       : QStringLiteral("separate the entries with commas"));
}

} // namespace cybersim::gui
