// SPDX-License-Identifier: MIT
// The network view with its colouring choice and legend.
#include "network_panel.hpp"

#include "adapters/palette.hpp"
#include "network_view.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace cybersim::gui
{

NetworkPanel::NetworkPanel(const RunHistory& history, StateSelection& selection, QWidget* parent)
    : QWidget(parent), m_view(new NetworkView(history, selection)), m_colourBy(new QComboBox), m_legend(new QLabel)
{
    m_colourBy->addItem(tr("doctrine"));
    m_colourBy->addItem(tr("bloc"));
    m_colourBy->setToolTip(tr("What node colours show"));
    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("<b>Network</b> · node size = capability · colour by")));
    bar->addWidget(m_colourBy);
    bar->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_legend);

    connect(m_colourBy, &QComboBox::currentIndexChanged, this,
            [this](int index)
            { m_view->setColourBy(index == 1 ? NetworkView::ColourBy::Bloc : NetworkView::ColourBy::Doctrine); });
    connect(m_view, &NetworkView::legendChanged, this, &NetworkPanel::showLegend);
}

void NetworkPanel::showLegend(const QVector<QPair<QString, QColor>>& entries)
{
    QString html;
    for (const auto& [label, colour] : entries)
        html += QStringLiteral("<span style='color:%1'>&#9679;</span>&nbsp;%2 &nbsp; ")
                    .arg(colour.name(), label.toHtmlEscaped());
    html += QStringLiteral("<br>edges: mutual trust <span style='color:%1'>&#9644; low</span> "
                           "<span style='color:%2'>&#9644; middling</span> "
                           "<span style='color:%3'>&#9644; high</span> (width = trust x interdependence)")
                .arg(trustColour(0.0).name(), trustColour(0.5).name(), trustColour(1.0).name());
    if (html != m_legend->text())
        m_legend->setText(html);
}

} // namespace cybersim::gui
