// The licences of a model set as its model cards state them, shown before download
// and import (MODEL.md §7.4; planning facts, not legal advice).
#pragma once

#include <QString>

#include "drs/model_catalog.h"

namespace drs::ui {

// Rich text: one paragraph per component with licence name, link and what it means;
// the non-commercial restriction of MuQ-MuLan stands out.
QString licenceSummaryHtml(const CatalogSet& set);

// True when a component's licence forbids commercial use of the output.
bool hasNonCommercialPart(const CatalogSet& set);

}  // namespace drs::ui
