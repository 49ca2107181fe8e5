// SPDX-License-Identifier: MIT
// Saving any widget (a chart, the network view, the heatmap) as a PNG or SVG file.
#include "chart_export.hpp"

#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <QWidget>

namespace cybersim::gui
{

QString saveWidgetPng(QWidget& widget, const QString& path)
{
    constexpr qreal kScale = 2.0; // sharp on high-DPI screens and in print
    const QSize size = widget.size();
    if (size.isEmpty())
        return QStringLiteral("%1 has no size to render").arg(widget.objectName());
    QImage image(size * kScale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(kScale);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        widget.render(&painter);
    }
    if (!image.save(path, "PNG"))
        return QStringLiteral("cannot write %1").arg(path);
    return {};
}

QString saveWidgetSvg(QWidget& widget, const QString& path, const QString& title)
{
    const QSize size = widget.size();
    if (size.isEmpty())
        return QStringLiteral("%1 has no size to render").arg(widget.objectName());
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(title);
    generator.setDescription(QStringLiteral("exported by cybersim-gui"));
    {
        QPainter painter;
        if (!painter.begin(&generator))
            return QStringLiteral("cannot write %1").arg(path);
        widget.render(&painter);
        painter.end();
    }
    if (QFileInfo(path).size() <= 0)
        return QStringLiteral("cannot write %1").arg(path);
    return {};
}

} // namespace cybersim::gui
