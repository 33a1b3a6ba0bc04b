import { Model, Serializer } from 'survey-core';
const s = new Model({ questions:[{type:'nouislider',name:'x'}, {type:'text', name:'a', isRequred:true, foo: 1}, {type:'text', name:'b', isRequred:true}], pages:[{name:'p', elements:[{type:'rating', name:'r', ratemax: 4}], navigationTitle:'x'}], cookieName:'c', showProgressBarr: 'top' });
console.log(s.jsonErrors.map(e=>[e.type, e.message, e.propertyName, e.className, !!e.jsonObj]));
const props = Serializer.getPropertiesByObj ? 'gp' : ''; console.log(props, Serializer.findClass('text').getAllProperties ? 'has' : 'no');
console.log(Serializer.getAllPropertiesByName ? 1:0, typeof Serializer.getProperties, Serializer.getProperties('text').length, Serializer.getProperties('survey').length);
console.log(Serializer.getChildrenClasses('question', true).map(c=>c.name).join(' '));
