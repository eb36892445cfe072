/**
 * Block editor controls for milia-widgets/info and milia-widgets/faq. Plain script (no build
 * step): wp.element.createElement instead of JSX. The blocks are dynamic: the preview is the
 * server's rendering (ServerSideRender), and nothing is saved but the block comment with its
 * attributes.
 *
 * window.miliaWidgetsEditor (printed by the plugin): {languages, elements: {<tag>: {list,
 * items: [{id, title}]}}}, items in content order, titles in the editor's language.
 */
(function (wp, data) {
  'use strict';
  if (!wp || !data) return;
  var h = wp.element.createElement;
  var __ = wp.i18n.__;
  var blockEditor = wp.blockEditor;
  var components = wp.components;
  var ServerSideRender = wp.serverSideRender;

  var LANGUAGE_NAMES = {en: 'English', es: 'Español'};

  /** Space-separated ids -> array, lowercased, without duplicates. */
  function idsOf(value) {
    var seen = [];
    String(value || '')
      .toLowerCase()
      .split(/\s+/)
      .forEach(function (id) {
        if (id && seen.indexOf(id) < 0) seen.push(id);
      });
    return seen;
  }

  /**
   * One checkbox per item, in content order. `checked` is the array of checked ids;
   * `onChange` receives the new array, in content order. The last checked box cannot be
   * unchecked when `keepOne` is set (a widget shows at least one item).
   */
  function ItemCheckboxes(props) {
    // A fieldset names the group for screen readers; the help text describes it.
    return h(
      'fieldset',
      {className: 'components-base-control milia-widgets-items', 'aria-describedby': props.id + '-help'},
      h('legend', {className: 'components-base-control__label'}, props.label),
      props.items.map(function (item) {
        var checked = props.checked.indexOf(item.id) >= 0;
        return h(components.CheckboxControl, {
          key: item.id,
          label: item.title,
          checked: checked,
          disabled: props.keepOne && checked && props.checked.length === 1,
          onChange: function (on) {
            props.onChange(
              props.items
                .map(function (other) {
                  return other.id;
                })
                .filter(function (id) {
                  return id === item.id ? on : props.checked.indexOf(id) >= 0;
                })
            );
          },
        });
      }),
      h('p', {id: props.id + '-help', className: 'components-base-control__help'}, props.help)
    );
  }

  function edit(tag, listLabel, listHelp) {
    return function Edit(props) {
      var attributes = props.attributes;
      var setAttributes = props.setAttributes;
      var element = data.elements[tag] || {list: tag === 'milia-faq' ? 'questions' : 'sections', items: []};
      var list = element.list;
      var all = element.items;
      var allIds = all.map(function (item) {
        return item.id;
      });

      // Empty list attribute: every item, as on the element.
      var chosen = idsOf(attributes[list]).filter(function (id) {
        return allIds.indexOf(id) >= 0;
      });
      var shownIds = chosen.length
        ? allIds.filter(function (id) {
            return chosen.indexOf(id) >= 0;
          })
        : allIds;
      var shown = all.filter(function (item) {
        return shownIds.indexOf(item.id) >= 0;
      });
      var expandedRaw = String(attributes.expanded || '')
        .trim()
        .toLowerCase();
      var openIds = expandedRaw === 'all' ? shownIds : idsOf(expandedRaw);

      function setList(ids) {
        var next = {};
        next[list] = ids.length === allIds.length ? undefined : ids.join(' ');
        // Items no longer shown cannot be open (the element would warn about them).
        if (expandedRaw && expandedRaw !== 'all') {
          var open = openIds.filter(function (id) {
            return ids.indexOf(id) >= 0;
          });
          next.expanded = open.length ? open.join(' ') : undefined;
        }
        setAttributes(next);
      }

      var headingHelp = __(
        'Keep heading levels in order: at level 3 the widget belongs under a heading (h2) of your own; at level 2, directly under the page title.',
        'milia-widgets'
      );

      var controls = h(
        blockEditor.InspectorControls,
        null,
        h(
          components.PanelBody,
          {title: __('Content', 'milia-widgets'), initialOpen: true},
          h(ItemCheckboxes, {
            id: 'milia-widgets-' + tag + '-items',
            label: listLabel,
            help: listHelp,
            items: all,
            checked: shownIds,
            keepOne: true,
            onChange: setList,
          })
        ),
        h(
          components.PanelBody,
          {title: __('Opening', 'milia-widgets'), initialOpen: true},
          h(ItemCheckboxes, {
            id: 'milia-widgets-' + tag + '-expanded',
            label: __('Open at start', 'milia-widgets'),
            help: __('Readers can open and close every item; these start open.', 'milia-widgets'),
            items: shown,
            checked: openIds.filter(function (id) {
              return shownIds.indexOf(id) >= 0;
            }),
            onChange: function (ids) {
              setAttributes({expanded: ids.length ? ids.join(' ') : undefined});
            },
          }),
          h(components.ToggleControl, {
            label: __('Only one open at a time', 'milia-widgets'),
            help: __('Opening an item closes the others.', 'milia-widgets'),
            checked: !!attributes.single,
            onChange: function (on) {
              setAttributes({single: on});
            },
          })
        ),
        h(
          components.PanelBody,
          {title: __('Settings', 'milia-widgets'), initialOpen: true},
          h(components.SelectControl, {
            label: __('Heading level', 'milia-widgets'),
            help: headingHelp,
            value: String(attributes.headingLevel || 2),
            options: [2, 3, 4, 5, 6].map(function (level) {
              return {value: String(level), label: 'H' + level};
            }),
            onChange: function (value) {
              var level = parseInt(value, 10);
              setAttributes({headingLevel: level === 2 ? undefined : level});
            },
          }),
          h(components.SelectControl, {
            label: __('Language', 'milia-widgets'),
            value: attributes.lang || '',
            options: [{value: '', label: __('Site language', 'milia-widgets')}].concat(
              data.languages.map(function (code) {
                return {value: code, label: LANGUAGE_NAMES[code] || code};
              })
            ),
            onChange: function (value) {
              setAttributes({lang: value || undefined});
            },
          }),
          h(components.ToggleControl, {
            label: __('Structured data for search engines', 'milia-widgets'),
            help:
              tag === 'milia-faq'
                ? __(
                    'Adds one FAQPage description of the questions to the page. Search engines show FAQ rich results only for some sites.',
                    'milia-widgets'
                  )
                : __('Adds one MedicalWebPage description of the sections to the page.', 'milia-widgets'),
            checked: !!attributes.structuredData,
            onChange: function (on) {
              setAttributes({structuredData: on});
            },
          })
        )
      );

      return h('div', blockEditor.useBlockProps(), controls, h(ServerSideRender, {block: props.name, attributes: attributes}));
    };
  }

  wp.blocks.registerBlockType('milia-widgets/info', {
    edit: edit(
      'milia-info',
      __('Sections to show', 'milia-widgets'),
      __('Shown in this order. Every section when all are ticked.', 'milia-widgets')
    ),
    save: function () {
      return null;
    },
  });
  wp.blocks.registerBlockType('milia-widgets/faq', {
    edit: edit(
      'milia-faq',
      __('Questions to show', 'milia-widgets'),
      __('Shown in this order. Every question when all are ticked.', 'milia-widgets')
    ),
    save: function () {
      return null;
    },
  });
})(window.wp, window.miliaWidgetsEditor);
