#include "validate/node_path.hpp"

#include <vector>

#include "core/xml_handles.hpp"

namespace teikit::validate {
namespace {

bool same_name(const xmlNode* a, const xmlNode* b) {
  return a->type == XML_ELEMENT_NODE && xmlStrEqual(a->name, b->name) &&
         ((a->ns == nullptr && b->ns == nullptr) ||
          (a->ns != nullptr && b->ns != nullptr && xmlStrEqual(a->ns->href, b->ns->href)));
}

std::string step(const xmlNode* node) {
  std::string name = xml::chars(node->name);
  int position = 0;
  int count = 0;
  for (const xmlNode* sibling = node->parent != nullptr ? node->parent->children : node;
       sibling != nullptr; sibling = sibling->next) {
    if (!same_name(sibling, node)) continue;
    ++count;
    if (sibling == node) position = count;
  }
  if (count > 1) name += "[" + std::to_string(position) + "]";
  return name;
}

}  // namespace

std::string node_path(const xmlNode* node) {
  if (node == nullptr) return {};
  std::string suffix;
  if (node->type == XML_ATTRIBUTE_NODE) {
    suffix = std::string("/@") + xml::chars(node->name);
    node = node->parent;
  } else if (node->type == XML_TEXT_NODE || node->type == XML_COMMENT_NODE) {
    suffix = node->type == XML_TEXT_NODE ? "/text()" : "/comment()";
    node = node->parent;
  }
  std::vector<std::string> steps;
  for (; node != nullptr && node->type == XML_ELEMENT_NODE; node = node->parent)
    steps.push_back(step(node));
  std::string path;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) path += "/" + *it;
  if (path.empty() && suffix.empty()) return "/";
  return path + suffix;
}

}  // namespace teikit::validate
